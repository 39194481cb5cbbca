using Xunit.Sdk;
using Xunit.v3;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>Runs every measured case (<see cref="EnergyCases.Generate"/>) before the per-model regression checks, which need them.</summary>
public sealed class CasesBeforeChecksOrderer : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod =>
        testMethods.OrderBy(m => m?.MethodName == nameof(EnergyCases.Regression) ? 1 : 0).ThenBy(m => m?.MethodName, StringComparer.Ordinal).ToList();
}

using Xunit.Sdk;
using Xunit.v3;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// Runs every measured case (<see cref="EnergyCases.Generate"/>), then the per-model regression checks, which need
/// them, then the streaming timings against the fakes' scripts (<see cref="EnergyCases.Streaming"/>) and the points against the fakes' curves (<see cref="EnergyCases.Sweep"/>), then the report (<see cref="EnergyCases.Report"/>), which needs everything.
/// </summary>
public sealed class CasesBeforeChecksOrderer : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod =>
        testMethods.OrderBy(m => m?.MethodName switch
        {
            nameof(EnergyCases.Regression) => 1,
            nameof(EnergyCases.Streaming) => 2,
            nameof(EnergyCases.Sweep) => 2,
            nameof(EnergyCases.Report) => 3,
            _ => 0,
        }).ThenBy(m => m?.MethodName, StringComparer.Ordinal).ToList();
}

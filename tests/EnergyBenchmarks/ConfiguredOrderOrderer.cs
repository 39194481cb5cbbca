using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;
using Xunit.Sdk;
using Xunit.v3;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// Runs the cases unit by unit (model, or runtime / model: <see cref="RunUnits.Of"/>) in the configured order, then repetition by repetition, prompts in order, so each model is loaded
/// once (GPT4All reloads from disk at every model switch) and warmed up before its first case. The regression
/// checks run after all cases (<see cref="CasesBeforeChecksOrderer"/>), in the same model order.
/// </summary>
public sealed class ConfiguredOrderOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
    {
        List<string> models;
        try
        {
            models = [.. RunUnits.Of(ConfigLoader.Load().Options).Select(u => u.Label)];
        }
        catch (ConfigurationException)
        {
            models = [];
        }

        return testCases
            .Select(tc => (Case: tc, Args: (tc as XunitTestCase)?.TestMethodArguments))
            .OrderBy(x => x.Args is [string model, ..] ? IndexOr(models, model) : int.MaxValue)
            .ThenBy(x => x.Args is [string m, ..] ? m : "", StringComparer.Ordinal)
            .ThenBy(x => x.Args is [_, _, int run, ..] ? run : 0)
            .ThenBy(x => x.Args is [_, int ordinal, ..] ? ordinal : int.MaxValue)
            .ThenBy(x => x.Case.TestCaseDisplayName, StringComparer.Ordinal)
            .Select(x => x.Case)
            .ToList();
    }

    private static int IndexOr(List<string> models, string model)
    {
        var i = models.IndexOf(model);
        return i < 0 ? int.MaxValue - 1 : i;
    }
}

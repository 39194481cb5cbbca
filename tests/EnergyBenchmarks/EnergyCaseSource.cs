using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// The theory rows: one per model x prompt, from the configuration only (no network, no backend), so
/// discovery is instant and every row shows in the test explorer under a readable name.
/// Rows carry (model, 1-based prompt number): serializable keys; the prompts themselves are resolved at run time.
/// </summary>
public static class EnergyCaseSource
{
    /// <summary>One regression check per model, run after the model's cases.</summary>
    public static IEnumerable<TheoryDataRow<string>> Models() =>
        ConfigLoader.Load().Options.Models.Select(m => new TheoryDataRow<string>(m) { TestDisplayName = $"Regression: {m} against its baseline" });

    public static IEnumerable<TheoryDataRow<string, int, int>> Rows()
    {
        var options = ConfigLoader.Load().Options;
        var count = options.Prompts.Count;
        var repetitions = options.Protocol.Repetitions;
        foreach (var model in options.Models)
        {
            for (var run = 1; run <= repetitions; run++)
            {
                for (var number = 1; number <= count; number++)
                {
                    var name = $"Energy: {model} / prompt {number} of {count}" + (repetitions > 1 ? $", run {run} of {repetitions}" : "");
                    yield return new TheoryDataRow<string, int, int>(model, number, run) { TestDisplayName = name };
                }
            }
        }
    }
}

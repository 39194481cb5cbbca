using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Suite;

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

    public static IEnumerable<TheoryDataRow<string, int, int>> Rows() =>
        CasePlan.Of(ConfigLoader.Load().Options).Select(c => new TheoryDataRow<string, int, int>(c.Model, c.Prompt, c.Run) { TestDisplayName = c.DisplayName });
}

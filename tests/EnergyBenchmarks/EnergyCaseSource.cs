using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// The theory rows: one per unit (model, or runtime / model) x prompt, from the configuration only (no network, no backend), so
/// discovery is instant and every row shows in the test explorer under a readable name.
/// Rows carry (model, 1-based prompt number): serializable keys; the prompts themselves are resolved at run time.
/// </summary>
public static class EnergyCaseSource
{
    /// <summary>One regression check per unit (model, or runtime / model), run after the unit's cases.</summary>
    public static IEnumerable<TheoryDataRow<string>> Models() =>
        RunUnits.Of(ConfigLoader.Load().Options).Select(u => new TheoryDataRow<string>(u.Label) { TestDisplayName = $"Regression: {u.Label} against its baseline" });

    public static IEnumerable<TheoryDataRow<string, int, int>> Rows() =>
        CasePlan.Of(ConfigLoader.Load().Options).Select(c => new TheoryDataRow<string, int, int>(c.Unit, c.Prompt, c.Run) { TestDisplayName = c.DisplayName });
}

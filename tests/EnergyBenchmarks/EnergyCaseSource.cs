using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// The theory rows: one per model x prompt, from the configuration only (no network, no backend), so
/// discovery is instant and every row shows in the test explorer under a readable name.
/// </summary>
public static class EnergyCaseSource
{
    public static IEnumerable<TheoryDataRow<string, int>> Rows()
    {
        var options = ConfigLoader.Load().Options;
        var count = options.Prompts.Count;
        foreach (var model in options.Models)
        {
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                yield return new TheoryDataRow<string, int>(model, ordinal)
                {
                    TestDisplayName = $"Energy: {model} / prompt {(ordinal + 1).ToString(new string('0', count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), System.Globalization.CultureInfo.InvariantCulture)} of {count}",
                };
            }
        }
    }
}

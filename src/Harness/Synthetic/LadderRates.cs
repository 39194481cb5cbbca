using System.Globalization;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Whether a run's synthetic ladder behaved as a ladder: the decode rate of each ladder model (llama.cpp's own
/// counters, <see cref="Backends.EngineTimings.DecodeTokensPerSecond"/>, median over its passed cases) and the speed
/// ratios rate(1b) / rate(model) beside the arithmetic cost ratios (<see cref="SyntheticModels.Costs"/>).
/// </summary>
public static class LadderRates
{
    /// <summary>Largest accepted gap between a speed ratio and its cost ratio (issue 9: within 25%).</summary>
    public const double Tolerance = 0.25;

    /// <summary>
    /// One line with the rates and ratios and whether they fall in order and within <see cref="Tolerance"/>; null when the
    /// run does not hold passed cases with engine counters for all three ladder models.
    /// </summary>
    public static string? Describe(IEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var costs = SyntheticModels.Costs();
        var passed = records.Where(r => r.Outcome == "passed").ToList();
        var medians = new List<double>();
        foreach (var cost in costs)
        {
            var rates = passed.Where(r => r.Model == cost.Name).Select(r => r.Completion?.Engine?.DecodeTokensPerSecond).OfType<double>().Order().ToArray();
            if (rates.Length == 0)
                return null;
            medians.Add(Quantiles.OfSorted(rates, 0.5));
        }

        var parts = new List<string> { Invariant($"{costs[0].Name} {medians[0]:0.0} tok/s") };
        var withinTolerance = true;
        for (var i = 1; i < costs.Count; i++)
        {
            var speed = medians[0] / medians[i];
            var gap = (speed / costs[i].RatioToSmallest) - 1;
            withinTolerance &= Math.Abs(gap) <= Tolerance;
            parts.Add(Invariant($"{costs[i].Name} {medians[i]:0.0} tok/s (x{speed:0.00} slower, cost x{costs[i].RatioToSmallest:0.00}: {gap:+0%;-0%})"));
        }

        var ordered = medians.Zip(medians.Skip(1), (a, b) => a > b).All(x => x);
        var verdict = ordered && withinTolerance
            ? Invariant($"in order and within {Tolerance:0%} of the cost ratios.")
            : Invariant($"NOT {(ordered ? "" : "in order and ")}within {Tolerance:0%} of the cost ratios: the models ran one after another, so a change of load between them moves their rates; measure them interleaved (README: Synthetic reference models).");
        return "Synthetic ladder, llama.cpp decode rates (median of passed cases): " + string.Join(", ", parts) + "; " + verdict;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

/// <summary>
/// Runs <see cref="RegressionCheck.Compare"/> on many simulated pairs of runs (<see cref="PairedRuns"/>) and counts the
/// verdicts. Seeded: the same arguments always give the same counts.
/// </summary>
internal static class SimulatedComparisons
{
    /// <summary>
    /// <paramref name="runs"/> comparisons of <paramref name="prompts"/> prompts each, the current run
    /// <paramref name="factor"/> times the baseline under log-normal run-to-run <paramref name="noise"/>, judged with the
    /// check's own defaults (threshold 5%, alpha 0.01), or with <paramref name="threshold"/> when given.
    /// </summary>
    public static VerdictCounts Count(int runs, int prompts, double noise, double factor, int seed, double? threshold = null)
    {
        var random = new Random(seed);
        int worse = 0, better = 0, significant = 0;
        for (var run = 0; run < runs; run++)
        {
            var (baseline, current) = PairedRuns.Generate(random, prompts, factor, noise);

            // One resample: the verdict uses the ratio and the p-value only, never the interval.
            var verdict = threshold is { } t
                ? RegressionCheck.Compare(baseline, current, threshold: t, resamples: 1)
                : RegressionCheck.Compare(baseline, current, resamples: 1);
            worse += verdict.Kind == Verdict.Worse ? 1 : 0;
            better += verdict.Kind == Verdict.Better ? 1 : 0;
            significant += verdict.PValue < 0.01 ? 1 : 0;
        }

        return new VerdictCounts(runs, worse, better, significant);
    }
}

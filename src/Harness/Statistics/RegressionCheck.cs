using System.Globalization;

namespace SlmEnergyBench.Harness.Statistics;

/// <summary>
/// Compares paired per-prompt figures of a current run with a baseline run, where higher is worse (energy,
/// latency). The effect is the geometric mean of the per-pair ratios current / baseline, exp(mean(ln(cᵢ/bᵢ))):
/// it is scale-free (a cheap and an expensive prompt that both got 10% worse count alike, unlike a ratio of
/// totals dominated by the expensive prompts) and symmetric (swapping the runs gives exactly the reciprocal,
/// which an arithmetic mean of ratios does not). Its 95% confidence interval is a seeded percentile bootstrap of
/// the mean log ratio. Significance is the two-sided Wilcoxon signed-rank test of the log ratios.
/// The verdict is <see cref="Verdict.Worse"/> when ratio &gt; 1 + threshold and p &lt; alpha,
/// <see cref="Verdict.Better"/> when ratio &lt; 1 / (1 + threshold) and p &lt; alpha, <see cref="Verdict.Same"/>
/// otherwise, and <see cref="Verdict.NA"/> without a baseline, with runs of different lengths, with a value that
/// is not positive and finite, or with fewer than <see cref="MinimumPairs"/> pairs.
/// </summary>
public static class RegressionCheck
{
    /// <summary>
    /// Fewest pairs compared. With n pairs the smallest two-sided Wilcoxon p-value is 2/2ⁿ: 0.031 at 6 pairs,
    /// so at alpha 0.01 fewer than 8 pairs can only ever give <see cref="Verdict.Same"/>.
    /// </summary>
    public const int MinimumPairs = 6;

    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/>, pair by pair.</summary>
    /// <param name="baseline">Per-prompt values of the baseline run, or null when there is none.</param>
    /// <param name="current">Per-prompt values of the current run, in the same prompt order.</param>
    /// <param name="threshold">Smallest relative change that matters (0.05: 5%).</param>
    /// <param name="alpha">Significance level of the Wilcoxon test.</param>
    /// <param name="seed">Seed of the bootstrap of the confidence interval.</param>
    /// <param name="metric">Name of the figure in the message ("energy", "latency").</param>
    /// <param name="resamples">Bootstrap resamples; the verdict does not depend on them, only the interval.</param>
    public static RegressionVerdict Compare(
        IReadOnlyList<double>? baseline,
        IReadOnlyList<double> current,
        double threshold = 0.05,
        double alpha = 0.01,
        int seed = 42,
        string metric = "value",
        int resamples = 2000)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        if (!(alpha > 0 && alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must lie in (0, 1).");

        if (baseline is null || baseline.Count == 0)
            return NotAvailable(0, "no baseline");
        if (baseline.Count != current.Count)
            return NotAvailable(0, $"baseline has {baseline.Count} values, current {current.Count}");
        var pairs = current.Count;
        if (pairs < MinimumPairs)
            return NotAvailable(pairs, $"{pairs} pairs, at least {MinimumPairs} needed");

        var logRatios = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            if (!IsPositive(baseline[i]) || !IsPositive(current[i]))
                return NotAvailable(pairs, $"pair {i} is not positive and finite ({Format(baseline[i])}, {Format(current[i])})");
            logRatios[i] = Math.Log(current[i] / baseline[i]);
        }

        var ratio = Math.Exp(logRatios.Average());
        var (low, high) = Bootstrap.MeanInterval(logRatios, 0.95, resamples, seed);
        var p = WilcoxonSignedRank.Test(logRatios).PValue;
        var significant = p < alpha;
        var kind = significant && ratio > 1 + threshold ? Verdict.Worse
            : significant && ratio < 1 / (1 + threshold) ? Verdict.Better
            : Verdict.Same;

        var word = kind.ToString().ToLowerInvariant();
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{word}: {metric} x{ratio:0.000} [{Math.Exp(low):0.000}, {Math.Exp(high):0.000}] (p = {FormatP(p)}, {pairs} pairs; threshold +{threshold * 100:0.##}%, alpha {alpha:0.####})");
        return new RegressionVerdict(kind, ratio, Math.Exp(low), Math.Exp(high), p, pairs, message);
    }

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatP(double p) =>
        p >= 0.001 ? p.ToString("0.###", CultureInfo.InvariantCulture) : p.ToString("0.0e0", CultureInfo.InvariantCulture);

    private static RegressionVerdict NotAvailable(int pairs, string reason) =>
        new(Verdict.NA, null, null, null, null, pairs, $"NA: {reason}");
}

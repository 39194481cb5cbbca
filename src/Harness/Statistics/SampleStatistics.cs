namespace SlmEnergyBench.Harness.Statistics;

/// <summary>
/// Summary of one sample. Percentiles are type 7 (linear interpolation between closest ranks, as R and numpy by
/// default, see <see cref="Quantiles.OfSorted"/>); the standard deviation is the sample one (n - 1), NaN for a
/// single value; the confidence interval of the mean is a seeded percentile bootstrap
/// (<see cref="Bootstrap.MeanInterval"/>), [x, x] for a single value.
/// </summary>
public sealed record SampleStatistics(
    int N,
    double Mean,
    double Median,
    double StandardDeviation,
    double P5,
    double P95,
    double CiLow,
    double CiHigh,
    double Confidence)
{
    /// <summary>Summarises <paramref name="values"/>; throws <see cref="ArgumentException"/> when there are none.</summary>
    public static SampleStatistics Of(IReadOnlyList<double> values, int seed = 42, int resamples = 2000, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("Statistics of an empty sample are undefined: at least one value is needed.", nameof(values));
        if (values.Any(v => !double.IsFinite(v)))
            throw new ArgumentException("Every value must be finite.", nameof(values));

        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var mean = sorted.Average();
        var sd = n == 1 ? double.NaN : Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var (low, high) = Bootstrap.MeanInterval(values, confidence, resamples, seed);
        return new SampleStatistics(
            n, mean, Quantiles.OfSorted(sorted, 0.5), sd,
            Quantiles.OfSorted(sorted, 0.05), Quantiles.OfSorted(sorted, 0.95), low, high, confidence);
    }
}

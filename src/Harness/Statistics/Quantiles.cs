namespace SlmEnergyBench.Harness.Statistics;

/// <summary>Sample quantiles.</summary>
public static class Quantiles
{
    /// <summary>
    /// The <paramref name="probability"/> quantile of values that are already sorted ascending, by linear
    /// interpolation between closest ranks: Hyndman and Fan type 7, the default of R's <c>quantile</c> and of
    /// numpy's <c>percentile</c>, and Python's <c>statistics.quantiles(method="inclusive")</c>. With h = (n - 1)p,
    /// the quantile is x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]) on zero-based indices.
    /// </summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            throw new ArgumentException("The quantile of an empty sample is undefined.", nameof(sorted));
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");

        var h = (sorted.Count - 1) * probability;
        var low = (int)Math.Floor(h);
        if (low >= sorted.Count - 1)
            return sorted[^1];
        return sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }
}

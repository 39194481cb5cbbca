namespace SlmEnergyBench.Harness.Statistics;

/// <summary>Seeded percentile bootstrap.</summary>
public static class Bootstrap
{
    /// <summary>
    /// Percentile bootstrap confidence interval of the mean: <paramref name="resamples"/> resamples of the same
    /// size drawn with replacement by <see cref="Random"/> seeded with <paramref name="seed"/> (the seeded
    /// <see cref="Random"/> keeps one algorithm across .NET versions, so a seed always gives the same interval),
    /// their means sorted, and the (1 - c)/2 and (1 + c)/2 quantiles taken by <see cref="Quantiles.OfSorted"/>.
    /// </summary>
    public static (double Low, double High) MeanInterval(
        IReadOnlyList<double> values, double confidence = 0.95, int resamples = 2000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("The bootstrap needs at least one value.", nameof(values));
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must lie in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);

        var random = new Random(seed);
        var n = values.Count;
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += values[random.Next(n)];
            means[b] = sum / n;
        }

        Array.Sort(means);
        var tail = (1 - confidence) / 2;
        return (Quantiles.OfSorted(means, tail), Quantiles.OfSorted(means, 1 - tail));
    }
}

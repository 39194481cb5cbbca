namespace SlmEnergyBench.Harness.Statistics;

/// <summary>
/// The two ways of summarising a per-item ratio such as joules per token. They differ whenever items differ in
/// size: <see cref="RatioOfTotals"/> weights each item by its denominator, <see cref="MeanOfRatios"/> weights
/// every item alike.
/// </summary>
public static class Ratios
{
    /// <summary>
    /// Σ numerators / Σ denominators, e.g. total joules / total tokens: the energy the whole workload spent per
    /// token it produced. Prefer it for J/token; short answers with a large fixed cost do not swamp it.
    /// </summary>
    public static double RatioOfTotals(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        CheckPairs(numerators, denominators);
        var denominator = denominators.Sum();
        if (denominator == 0)
            throw new ArgumentException("The denominators sum to zero.", nameof(denominators));
        return numerators.Sum() / denominator;
    }

    /// <summary>
    /// (1/n) Σ numeratorᵢ / denominatorᵢ, e.g. the mean over prompts of each prompt's joules per token: what the
    /// original study reported. Every prompt counts alike, however few tokens it produced.
    /// </summary>
    public static double MeanOfRatios(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        CheckPairs(numerators, denominators);
        if (denominators.Any(d => d == 0))
            throw new ArgumentException("A denominator is zero.", nameof(denominators));
        return numerators.Zip(denominators, (n, d) => n / d).Average();
    }

    private static void CheckPairs(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        if (numerators.Count != denominators.Count)
            throw new ArgumentException($"{numerators.Count} numerators but {denominators.Count} denominators.", nameof(denominators));
        if (numerators.Count == 0)
            throw new ArgumentException("A ratio needs at least one pair.", nameof(numerators));
    }
}

namespace SlmEnergyBench.Harness.Statistics;

/// <summary>
/// Two-sided Wilcoxon signed-rank test of paired differences against a median of zero. Zero differences are
/// dropped before ranking (Wilcoxon's own method, scipy's default <c>zero_method="wilcox"</c>); tied absolute
/// differences get the average of their ranks. Up to <see cref="ExactLimit"/> non-zero differences, the p-value is
/// exact: the distribution of W+ over all 2ⁿ sign assignments of the actual (possibly tied) ranks, counted by
/// dynamic programming. Above it, the normal approximation with the tie correction of the variance and a
/// continuity correction of 0.5.
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Largest number of non-zero differences for which the p-value is exact.</summary>
    public const int ExactLimit = 25;

    /// <summary>Tests the differences <paramref name="x"/>ᵢ - <paramref name="y"/>ᵢ.</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Paired samples differ in length: {x.Count} and {y.Count}.", nameof(y));
        return Test(x.Zip(y, (a, b) => a - b).ToArray());
    }

    /// <summary>Tests paired differences.</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Any(double.IsNaN))
            throw new ArgumentException("A difference is NaN.", nameof(differences));

        var nonZero = differences.Where(d => d != 0).OrderBy(Math.Abs).ToArray();
        var n = nonZero.Length;
        var zeros = differences.Count - n;
        if (n == 0)
            return new WilcoxonResult(0, 0, 1, 0, zeros, true);

        // Doubled average ranks are integers: tied run [i, j) gets rank (i + 1 + j) / 2, doubled i + 1 + j.
        var doubledRanks = new int[n];
        var tieCorrection = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && Math.Abs(nonZero[j]) == Math.Abs(nonZero[i]))
                j++;
            for (var k = i; k < j; k++)
                doubledRanks[k] = i + 1 + j;
            double t = j - i;
            tieCorrection += (t * t * t) - t;
            i = j;
        }

        var doubledWPlus = 0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
                doubledWPlus += doubledRanks[i];
        }

        var doubledTotal = n * (n + 1);
        var wPlus = doubledWPlus / 2.0;
        var statistic = Math.Min(doubledWPlus, doubledTotal - doubledWPlus) / 2.0;

        if (n <= ExactLimit)
            return new WilcoxonResult(statistic, wPlus, ExactP(doubledRanks, doubledWPlus), n, zeros, true);

        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1.0) * ((2.0 * n) + 1) / 24) - (tieCorrection / 48);
        var z = Math.Max(Math.Abs(wPlus - mean) - 0.5, 0) / Math.Sqrt(variance);
        return new WilcoxonResult(statistic, wPlus, NormalDistribution.TwoSidedP(z), n, zeros, false);
    }

    private static double ExactP(int[] doubledRanks, int doubledWPlus)
    {
        // counts[s]: number of sign assignments whose doubled W+ is s.
        var total = doubledRanks.Sum();
        var counts = new long[total + 1];
        counts[0] = 1;
        var reach = 0;
        foreach (var r in doubledRanks)
        {
            for (var s = reach; s >= 0; s--)
                counts[s + r] += counts[s];
            reach += r;
        }

        long atOrBelow = 0;
        long atOrAbove = 0;
        for (var s = 0; s <= total; s++)
        {
            if (s <= doubledWPlus)
                atOrBelow += counts[s];
            if (s >= doubledWPlus)
                atOrAbove += counts[s];
        }

        var assignments = Math.Pow(2, doubledRanks.Length);
        return Math.Min(1, 2.0 * Math.Min(atOrBelow, atOrAbove) / assignments);
    }
}

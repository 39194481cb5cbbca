namespace SlmEnergyBench.Harness.Statistics;

/// <summary>The standard normal tail, accurate in relative terms far out (p-values such as 1e-45).</summary>
internal static class NormalDistribution
{
    /// <summary>Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedP(double z) => Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    /// <summary>
    /// Complementary error function: the Maclaurin series of erf below 1.5, and above it Laplace's continued
    /// fraction erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))) by the modified Lentz method
    /// (Abramowitz and Stegun 7.1.5 and 7.1.14).
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (x < 0)
            return 2 - Erfc(-x);
        if (x < 1.5)
            return 1 - ErfSeries(x);
        if (x > 27)
            return 0;

        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var j = 1; j < 10_000; j++)
        {
            var a = j / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + (a / c);
            if (Math.Abs(c) < tiny)
                c = tiny;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
                break;
        }

        return Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * f);
    }

    private static double ErfSeries(double x)
    {
        // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= -x * x / n;
            var next = term / ((2 * n) + 1);
            sum += next;
            if (Math.Abs(next) < 1e-17 * Math.Abs(sum))
                break;
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}

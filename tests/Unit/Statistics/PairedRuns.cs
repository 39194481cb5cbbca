namespace SlmEnergyBench.Unit.Statistics;

/// <summary>
/// Simulated per-prompt figures of two runs over the same prompts: log-normal per-prompt base energies (median
/// 50 J, log-sd 0.8, so prompts differ by a factor of about 10 across the middle 95%), each run multiplied per
/// prompt by exp(N(0, noise)), the current run also by <c>factor</c>.
/// </summary>
internal static class PairedRuns
{
    public static (double[] Baseline, double[] Current) Generate(Random random, int prompts, double factor, double noise)
    {
        var baseline = new double[prompts];
        var current = new double[prompts];
        for (var i = 0; i < prompts; i++)
        {
            var energy = 50 * Math.Exp(0.8 * Gaussian(random));
            baseline[i] = energy * Math.Exp(noise * Gaussian(random));
            current[i] = energy * factor * Math.Exp(noise * Gaussian(random));
        }

        return (baseline, current);
    }

    /// <summary>A standard normal draw by the Box-Muller transform.</summary>
    public static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}

namespace SlmEnergyBench.Unit.Statistics;

/// <summary>
/// README's "What the check can see", asserted: seeded simulations of 2000 pairs of runs of 256 prompts per point
/// (<see cref="SimulatedComparisons"/>), judged by <see cref="Harness.Statistics.RegressionCheck.Compare"/> at its
/// defaults (threshold 5%, alpha 0.01). Each bound is the exact binomial range that holds 99.9% of seeds at the rate
/// the statistics imply, so the seeded counts are stable and a broken check (another threshold, another alpha, a
/// p-value off by a factor of two) falls outside it. <see cref="RegressionSimulation"/> prints the figures.
/// </summary>
public sealed class RegressionCheckOperatingTests
{
    private const int Runs = 2000;
    private const int Prompts = 256;

    public static TheoryData<double, int> Unchanged => new() { { 0.01, 11 }, { 0.03, 13 }, { 0.05, 15 } };

    [Theory]
    [MemberData(nameof(Unchanged))]
    public void Compare_UnchangedRunsWithNoise_NeverWorseNorBetter(double noise, int seed)
    {
        // Act
        var counts = SimulatedComparisons.Count(Runs, Prompts, noise, 1.0, seed);

        // Assert: the mean log ratio of 256 pairs has a standard error of noise·√2/16, 0.44% at 5% noise, so the
        // 5% threshold lies 11 standard errors out; without it the Wilcoxon test alone would flag about 1% (20 runs).
        (counts.Worse, counts.Better).Should().Be((0, 0));
    }

    [Fact]
    public void Compare_UnchangedRunsWithoutThreshold_WilcoxonFlagsAboutAlphaOfThem()
    {
        // Act: the same 3 × 2000 unchanged runs, judged on the p-value alone (threshold 0).
        var flagged = Unchanged.Sum(row =>
        {
            var counts = SimulatedComparisons.Count(Runs, Prompts, row.Data.Item1, 1.0, row.Data.Item2, threshold: 0);
            return counts.Worse + counts.Better;
        });

        // Assert: at the nominal rate 0.01, 99.9% of seeds flag 36 to 87 of 6000 runs (exact binomial quantiles
        // 0.0005 and 0.9995); alpha 0.005 or 0.02 would flag about 30 or 120.
        flagged.Should().BeInRange(36, 87);
    }

    [Theory]
    // Expected rate: flagged when the geometric-mean ratio exceeds 1.05 (the Wilcoxon p is below 1e-20 at these
    // effects), so P = Φ((ln f − ln 1.05) / (noise·√2/16)) (Python math.erf): 0.5 at f = 1.05 whatever the noise;
    // 1 − 4e-8 at 1% noise and f = 1.055; 0.9634 at 3% and 1.055; 0.8588 at 5% and 1.055; 0.9840 at 5% and 1.06.
    // Bounds: exact binomial 0.0005 and 0.9995 quantiles of 2000 runs at that rate.
    // Last column: README's claim that this is (true) or is not yet (false) flagged in at least 95% of runs, i.e. the
    // smallest regression in 0.5-point steps flagged that often is 5.5% at 1% and 3% noise and 6.0% at 5% noise.
    [InlineData(0.01, 1.050, 926, 1074, false, 21)]
    [InlineData(0.01, 1.055, 1998, 2000, true, 22)]
    [InlineData(0.03, 1.050, 926, 1074, false, 23)]
    [InlineData(0.03, 1.055, 1898, 1953, true, 24)]
    [InlineData(0.05, 1.055, 1665, 1768, false, 25)]
    [InlineData(0.05, 1.060, 1948, 1985, true, 26)]
    public void Compare_UniformRegression_FlaggedAsOftenAsTheThresholdImplies(
        double noise, double factor, int fewest, int most, bool atLeastNinetyFivePercent, int seed)
    {
        // Act
        var counts = SimulatedComparisons.Count(Runs, Prompts, noise, factor, seed);

        // Assert
        counts.Worse.Should().BeInRange(fewest, most);
        (counts.WorseRate >= 0.95).Should().Be(atLeastNinetyFivePercent, $"{counts.Worse} of {Runs} runs were judged worse");
        counts.Better.Should().Be(0);
    }
}

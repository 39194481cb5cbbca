using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class RegressionCheckTests
{
    [Fact]
    public void Compare_IdenticalRuns_Same()
    {
        // Arrange
        var (baseline, _) = PairedRuns.Generate(new Random(1), 256, 1, 0.01);

        // Act
        var verdict = RegressionCheck.Compare(baseline, baseline, metric: "energy");

        // Assert
        verdict.Should().BeEquivalentTo(new { Kind = Verdict.Same, Ratio = 1.0, CiLow = 1.0, CiHigh = 1.0, PValue = 1.0, Pairs = 256 });
        verdict.Message.Should().Be("same: energy x1.000 [1.000, 1.000] (p = 1, 256 pairs; threshold +5%, alpha 0.01)");
    }

    [Fact]
    public void Compare_TenPercentWorseWithOnePercentNoise_Worse()
    {
        // Arrange
        var (baseline, current) = PairedRuns.Generate(new Random(2), 256, 1.10, 0.01);

        // Act
        var verdict = RegressionCheck.Compare(baseline, current, metric: "energy");

        // Assert: the geometric mean of 256 ratios with log-sd 0.01·√2 has a standard error of 0.09%.
        verdict.Kind.Should().Be(Verdict.Worse);
        verdict.Ratio.Should().BeApproximately(1.10, 0.005);
        verdict.CiLow.Should().BeLessThan(verdict.Ratio!.Value).And.BeGreaterThan(1.09);
        verdict.CiHigh.Should().BeGreaterThan(verdict.Ratio!.Value).And.BeLessThan(1.11);
        verdict.PValue.Should().BeLessThan(1e-40);
        verdict.Message.Should().MatchRegex(@"^worse: energy x1\.1\d\d \[1\.\d{3}, 1\.\d{3}\] \(p = \d\.\de-\d\d, 256 pairs; threshold \+5%, alpha 0\.01\)$");
    }

    [Fact]
    public void Compare_TenPercentBetter_Better()
    {
        // Arrange
        var (baseline, current) = PairedRuns.Generate(new Random(3), 256, 1 / 1.10, 0.01);

        // Act
        var verdict = RegressionCheck.Compare(baseline, current);

        // Assert
        verdict.Kind.Should().Be(Verdict.Better);
        verdict.Ratio.Should().BeApproximately(1 / 1.10, 0.005);
        verdict.Message.Should().StartWith("better: value x0.9");
    }

    [Fact]
    public void Compare_ThreePercentWorse_SameThoughSignificant()
    {
        // Arrange
        var (baseline, current) = PairedRuns.Generate(new Random(4), 256, 1.03, 0.01);

        // Act
        var verdict = RegressionCheck.Compare(baseline, current);

        // Assert
        verdict.Kind.Should().Be(Verdict.Same);
        verdict.Ratio.Should().BeApproximately(1.03, 0.005);
        verdict.PValue.Should().BeLessThan(1e-20);
    }

    [Fact]
    public void Compare_PureNoise_Same()
    {
        // Arrange
        var (baseline, current) = PairedRuns.Generate(new Random(5), 256, 1, 0.05);

        // Act
        var verdict = RegressionCheck.Compare(baseline, current);

        // Assert
        verdict.Kind.Should().Be(Verdict.Same);
        verdict.Ratio.Should().BeApproximately(1, 0.02);
    }

    [Fact]
    public void Compare_EveryPairDoubled_ExactMessage()
    {
        // Arrange: ln 2 on every pair, all tied: W+ = 465 of 30 pairs, tie-corrected variance 1801.875,
        // z = 232/√1801.875, p = erfc(z/√2) = 4.6174e-8 (Python math.erfc).
        var baseline = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var current = baseline.Select(v => 2 * v).ToArray();

        // Act
        var verdict = RegressionCheck.Compare(baseline, current, metric: "latency");

        // Assert
        verdict.PValue.Should().BeApproximately(4.6174279569064474e-08, 1e-18);
        verdict.Message.Should().Be("worse: latency x2.000 [2.000, 2.000] (p = 4.6e-8, 30 pairs; threshold +5%, alpha 0.01)");
    }

    [Fact]
    public void Compare_SwappedRuns_GivesReciprocalRatio()
    {
        // Arrange
        var (baseline, current) = PairedRuns.Generate(new Random(6), 64, 1.07, 0.03);

        // Act
        var forward = RegressionCheck.Compare(baseline, current);
        var backward = RegressionCheck.Compare(current, baseline);

        // Assert
        (forward.Ratio!.Value * backward.Ratio!.Value).Should().BeApproximately(1, 1e-12);
        backward.PValue.Should().Be(forward.PValue);
    }

    [Theory]
    [InlineData(6, Verdict.Same)]
    [InlineData(7, Verdict.Same)]
    [InlineData(8, Verdict.Worse)]
    public void Compare_EveryPairDoubled_WorseOnlyFromEightPairs(int pairs, Verdict expected)
    {
        // Arrange: every pair twice the baseline, so all n log ratios are positive: 1 of the 2ⁿ equally likely sign
        // assignments, two-sided exact p = 2/2ⁿ = 0.03125, 0.015625, 0.0078125 for n = 6, 7, 8; below alpha 0.01 only
        // from 8 pairs, so with fewer than 8 prompts no difference, however large, is ever judged worse.
        var baseline = Enumerable.Range(1, pairs).Select(i => (double)i).ToArray();

        // Act
        var verdict = RegressionCheck.Compare(baseline, baseline.Select(v => 2 * v).ToArray());

        // Assert
        verdict.PValue.Should().Be(2.0 / (1 << pairs));
        verdict.Ratio.Should().BeApproximately(2, 1e-12);
        verdict.Kind.Should().Be(expected);
    }

    public static TheoryData<double[]?, double[], int, string> NotAvailableCases => new()
    {
        { null, [1, 2, 3, 4, 5, 6], 0, "NA: no baseline" },
        { [], [1, 2, 3, 4, 5, 6], 0, "NA: no baseline" },
        { [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5], 0, "NA: baseline has 6 values, current 5" },
        { [1, 2, 3, 4, 5], [1, 2, 3, 4, 5], 5, "NA: 5 pairs, at least 6 needed" },
        { [1, 2, 0, 4, 5, 6], [1, 2, 3, 4, 5, 6], 6, "NA: pair 2 is not positive and finite (0, 3)" },
        { [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, double.NaN, 6], 6, "NA: pair 4 is not positive and finite (5, NaN)" },
    };

    [Theory]
    [MemberData(nameof(NotAvailableCases))]
    public void Compare_UnusableInput_NotAvailableWithReason(double[]? baseline, double[] current, int pairs, string message)
    {
        // Act
        var verdict = RegressionCheck.Compare(baseline, current);

        // Assert
        verdict.Should().Be(new RegressionVerdict(Verdict.NA, null, null, null, null, pairs, message));
    }
}

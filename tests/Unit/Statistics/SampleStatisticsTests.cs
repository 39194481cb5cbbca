using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class SampleStatisticsTests
{
    private static readonly double[] Sample = [12.5, 3.1, 7.7, 9.0, 15.2, 4.4, 8.8, 6.1, 11.3, 2.9, 10.0, 5.6];

    [Fact]
    public void Of_TwelveValues_MatchesPythonStatisticsModule()
    {
        // Reference: reference_values.py ("summary"): statistics.fmean, median, stdev and
        // quantiles(n=20, method="inclusive"), whose first and last cut points are P5 and P95 of type 7.
        // Act
        var stats = SampleStatistics.Of(Sample);

        // Assert
        stats.N.Should().Be(12);
        stats.Mean.Should().BeApproximately(8.05, 1e-12);
        stats.Median.Should().BeApproximately(8.25, 1e-12);
        stats.StandardDeviation.Should().BeApproximately(3.8261064947399084, 1e-12);
        stats.P5.Should().BeApproximately(3.01, 1e-12);
        stats.P95.Should().BeApproximately(13.715, 1e-12);
        stats.Confidence.Should().Be(0.95);
        stats.CiLow.Should().BeLessThan(stats.Mean);
        stats.CiHigh.Should().BeGreaterThan(stats.Mean);
    }

    [Fact]
    public void Of_SameSeed_GivesSameInterval()
    {
        // Act
        var first = SampleStatistics.Of(Sample, seed: 7);
        var second = SampleStatistics.Of(Sample, seed: 7);

        // Assert
        second.Should().Be(first);
    }

    [Fact]
    public void Of_OtherSeed_GivesOtherInterval()
    {
        // Act
        var first = SampleStatistics.Of(Sample, seed: 7);
        var second = SampleStatistics.Of(Sample, seed: 8);

        // Assert
        (second.CiLow, second.CiHigh).Should().NotBe((first.CiLow, first.CiHigh));
        second.Mean.Should().Be(first.Mean);
    }

    [Fact]
    public void Of_LargeNormalSample_IntervalCloseToNormalTheory()
    {
        // Arrange: 4000 draws of N(100, 15²).
        var random = new Random(1234);
        var values = Enumerable.Range(0, 4000).Select(_ => 100 + (15 * PairedRuns.Gaussian(random))).ToArray();

        // Act
        var stats = SampleStatistics.Of(values);

        // Assert: normal theory gives mean ± 1.96·sd/√n. The bootstrap's 2.5% and 97.5% quantiles from 2000
        // resamples each have a Monte Carlo standard error of √(0.025·0.975/2000)/φ(1.96) ≈ 0.06 standard
        // errors of the mean, about 3% of the half-width 1.96 se; 10% of the half-width is over 3 such errors.
        var halfWidth = 1.96 * stats.StandardDeviation / Math.Sqrt(values.Length);
        stats.CiLow.Should().BeApproximately(stats.Mean - halfWidth, 0.10 * halfWidth);
        stats.CiHigh.Should().BeApproximately(stats.Mean + halfWidth, 0.10 * halfWidth);
    }

    [Fact]
    public void Of_OneValue_SdIsNaNAndIntervalIsThePoint()
    {
        // Act
        var stats = SampleStatistics.Of([4.2]);

        // Assert
        stats.Should().BeEquivalentTo(new { N = 1, Mean = 4.2, Median = 4.2, P5 = 4.2, P95 = 4.2, CiLow = 4.2, CiHigh = 4.2 });
        stats.StandardDeviation.Should().Be(double.NaN);
    }

    [Fact]
    public void Of_NoValues_ThrowsWithClearMessage()
    {
        // Act
        var act = () => SampleStatistics.Of([]);

        // Assert
        act.Should().Throw<ArgumentException>()
            .WithMessage("Statistics of an empty sample are undefined: at least one value is needed.*");
    }
}

using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class QuantilesTests
{
    // Hand-computed type 7 (h = (n - 1)p) on 1, 2, 4, 8: h = 0.75 at p = 0.25 gives 1 + 0.75·1 = 1.75;
    // h = 1.5 at p = 0.5 gives 3; h = 2.85 at p = 0.95 gives 4 + 0.85·4 = 7.4. numpy.percentile agrees.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.95, 7.4)]
    [InlineData(1.0, 8.0)]
    public void OfSorted_FourValues_InterpolatesBetweenClosestRanks(double probability, double expected)
    {
        // Act
        var quantile = Quantiles.OfSorted([1, 2, 4, 8], probability);

        // Assert
        quantile.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void OfSorted_Empty_Throws()
    {
        // Act
        var act = () => Quantiles.OfSorted([], 0.5);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("The quantile of an empty sample is undefined.*");
    }
}

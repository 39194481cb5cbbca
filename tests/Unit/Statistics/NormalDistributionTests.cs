using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class NormalDistributionTests
{
    // Reference: Python's math.erfc (reference_values.py, "erfc"), on both sides of the switch at 1.5.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.3, 0.6713732405408726)]
    [InlineData(1.4999, 0.03390674833770473)]
    [InlineData(1.5, 0.033894853524689274)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(2.4999, 0.0004071699003334514)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(20.0, 5.3958656116079005e-176)]
    [InlineData(-1.5, 1.9661051464753108)]
    public void Erfc_Argument_MatchesPythonToTwelveDigits(double x, double expected)
    {
        // Act
        var value = NormalDistribution.Erfc(x);

        // Assert
        value.Should().BeApproximately(expected, 1e-12 * expected);
    }

    [Fact]
    public void TwoSidedP_1Point96_IsFivePercent()
    {
        // Act
        var p = NormalDistribution.TwoSidedP(-1.959963984540054);

        // Assert: the textbook two-sided 5% point of the standard normal.
        p.Should().BeApproximately(0.05, 1e-12);
    }
}

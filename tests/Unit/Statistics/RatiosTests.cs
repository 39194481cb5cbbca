using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class RatiosTests
{
    // Three prompts: 10 J for 100 tokens, 1 J for 2 tokens, 30 J for 100 tokens.
    private static readonly double[] Joules = [10, 1, 30];
    private static readonly double[] Tokens = [100, 2, 100];

    [Fact]
    public void RatioOfTotals_JoulesPerToken_IsTotalOverTotal()
    {
        // Act
        var ratio = Ratios.RatioOfTotals(Joules, Tokens);

        // Assert: 41 J / 202 tokens.
        ratio.Should().BeApproximately(41.0 / 202.0, 1e-15);
    }

    [Fact]
    public void MeanOfRatios_JoulesPerToken_IsMeanOfPerPromptRatios()
    {
        // Act
        var ratio = Ratios.MeanOfRatios(Joules, Tokens);

        // Assert: (0.1 + 0.5 + 0.3) / 3; the short prompt weighs as much as the long ones.
        ratio.Should().BeApproximately(0.3, 1e-15);
    }

    [Fact]
    public void RatioOfTotals_LengthsDiffer_Throws()
    {
        // Act
        var act = () => Ratios.RatioOfTotals([1, 2], [1]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("2 numerators but 1 denominators.*");
    }

    [Fact]
    public void MeanOfRatios_ZeroDenominator_Throws()
    {
        // Act
        var act = () => Ratios.MeanOfRatios([1, 2], [1, 0]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("A denominator is zero.*");
    }
}

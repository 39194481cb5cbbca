using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Unit.Statistics;

public sealed class WilcoxonSignedRankTests
{
    [Fact]
    public void Test_HollanderWolfeDepressionData_MatchesRExample()
    {
        // Source: R's ?wilcox.test example (Hollander and Wolfe 1973, p. 29): x paired with y gives V = 40 and
        // the one-sided p 0.01953, so two-sided 2·10/512 = 0.0390625; brute force in reference_values.py agrees.
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

        // Act
        var result = WilcoxonSignedRank.Test(x, y);

        // Assert
        result.Should().Be(new WilcoxonResult(5, 40, 0.0390625, 9, 0, true));
    }

    [Fact]
    public void Test_WikipediaExample_DropsTheZeroAndMatchesEnumeration()
    {
        // Source: Wikipedia, "Wilcoxon signed-rank test", example (after/before, 10 pairs, one tie at 140 and
        // tied |differences| 5 and 15): 9 non-zero pairs, signed-rank sum W = W+ - W- = 9, so W+ = 27.
        // Two-sided exact p 0.6328125 from brute-force enumeration of the 2⁹ sign assignments (reference_values.py).
        double[] after = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
        double[] before = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];

        // Act
        var result = WilcoxonSignedRank.Test(after, before);

        // Assert
        result.Should().Be(new WilcoxonResult(18, 27, 0.6328125, 9, 1, true));
    }

    [Fact]
    public void Test_TiesAndZeros_ExactPMatchesBruteForce()
    {
        // Reference: reference_values.py "ties-zeros": 18 non-zero differences with ties, 2¹⁸ sign assignments.
        double[] d = [1.5, -1.5, 2, 0, 3, 3, 3, -0.5, 4, 2, 5, -6, 7, 0.5, 8, 0, -2.5, 9, 3, 10];

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.Should().BeEquivalentTo(new { WPlus = 145.0, Statistic = 171 - 145.0, Pairs = 18, ZerosDropped = 2, IsExact = true });
        result.PValue.Should().BeApproximately(0.00736236572265625, 1e-15);
    }

    [Fact]
    public void Test_SixtyDifferencesWithTies_UsesCorrectedNormalApproximation()
    {
        // Reference: reference_values.py "large": tie-corrected variance, continuity 0.5, math.erfc.
        var d = Enumerable.Range(1, 60).Select(i => (((i * 37) % 23) - 8) / 4.0).ToArray();

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.Should().BeEquivalentTo(new { WPlus = 1267.0, Pairs = 58, ZerosDropped = 2, IsExact = false });
        result.PValue.Should().BeApproximately(0.0014485867954595916, 1e-12);
    }

    [Fact]
    public void Test_AllPositiveOver256_GivesTinyAccurateP()
    {
        // Reference: reference_values.py "shifted".
        var d = Enumerable.Range(0, 256).Select(i => 0.1 + (((i * 7919) % 101) / 1000.0) - 0.05).ToArray();

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.WPlus.Should().Be(32896);
        result.PValue.Should().BeApproximately(9.675359892431658e-44, 1e-9 * 9.675359892431658e-44);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(5, 0.0625)]
    [InlineData(7, 0.015625)]
    [InlineData(8, 0.0078125)]
    [InlineData(9, 0.00390625)]
    public void Test_AllDifferencesPositive_GivesTheSmallestExactPOfTwoOverTwoToTheN(int n, double expected)
    {
        // Arrange: W+ = n(n+1)/2 is reached by 1 of the 2ⁿ sign assignments (and W+ = 0 by one more), so the two-sided
        // exact p is 2/2ⁿ (capped at 1), the smallest any n differences can give: 2/128 = 0.0156 > 0.01 at n = 7,
        // 2/256 = 0.0078 < 0.01 at n = 8.
        var d = Enumerable.Range(1, n).Select(i => i / 10.0).ToArray();

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.Should().Be(new WilcoxonResult(0, n * (n + 1) / 2.0, expected, n, 0, true));
    }

    [Fact]
    public void Test_AllZero_PIsOne()
    {
        // Act
        var result = WilcoxonSignedRank.Test([0, 0, 0]);

        // Assert
        result.Should().Be(new WilcoxonResult(0, 0, 1, 0, 3, true));
    }

    [Fact]
    public void Test_TwentyFiveDifferences_ExactLikeGeneratingFunction()
    {
        // Reference: reference_values.py "limit-25": P(W- <= 108) from the coefficients of prod (1 + x^k), k <= 25.
        var d = Enumerable.Range(1, 25).Select(i => i % 3 == 0 ? -i : (double)i).ToArray();

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.Should().BeEquivalentTo(new { WPlus = 217.0, Statistic = 108.0, IsExact = true });
        result.PValue.Should().BeApproximately(2.0 * 2491074 / (1 << 25), 1e-15);
    }

    [Fact]
    public void Test_TwentySixDifferences_NormalApproximation()
    {
        // Reference: reference_values.py "limit-26".
        var d = Enumerable.Range(1, 26).Select(i => i % 3 == 0 ? -i : (double)i).ToArray();

        // Act
        var result = WilcoxonSignedRank.Test(d);

        // Assert
        result.Should().BeEquivalentTo(new { WPlus = 243.0, IsExact = false });
        result.PValue.Should().BeApproximately(0.0888182832717241, 1e-12);
    }
}

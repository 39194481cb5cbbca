using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class SyntheticModelsTests
{
    [Fact]
    public void Llama32OneB_PerTokenCost_IsTheSumOfItsProjections()
    {
        // Act
        var macs = SyntheticModels.Llama32OneB.MultiplyAccumulatesPerToken;

        // Assert: 16 x (2 x 2048^2 + 2 x 2048 x 512 + 3 x 2048 x 8192) + 2048 x 128256.
        macs.Should().Be(1_235_746_816);
    }

    [Fact]
    public void Ladder_Shapes_AreTheRealWidthsOverFourWithTheRealLayersAndHeadSizes()
    {
        // Act
        var shapes = SyntheticModels.Ladder.Select(s => (s.EmbeddingLength, s.BlockCount, s.FeedForwardLength, s.HeadCount, s.HeadCountKv, s.VocabularySize));

        // Assert: Llama 3.2 1B 2048/16/8192/32/8/128256, 3.2 3B 3072/28/8192/24/8/128256, 3 8B 4096/32/14336/32/8/128256.
        shapes.Should().Equal((512, 16, 2048, 8, 2, 32064), (768, 28, 2048, 6, 2, 32064), (1024, 32, 3584, 8, 2, 32064));
        SyntheticModels.Ladder.Select(s => s.Shape.HeadDimension).Should().Equal(64, 128, 128);
        SyntheticModels.Ladder.Select(s => s.Name).Should().Equal("synthetic-1b-scaled", "synthetic-3b-scaled", "synthetic-8b-scaled");
    }

    [Fact]
    public void Ladder_PerTokenCost_IsTheRealModelsOverSixteen()
    {
        // Act
        var macs = SyntheticModels.Ladder.Select(s => s.Shape.MultiplyAccumulatesPerToken).ToList();

        // Assert: every term is a product of two widths, so widths / 4 give cost / 16; by hand for the 1b stand-in:
        // 16 x (2 x 512^2 + 2 x 512 x 128 + 3 x 512 x 2048) + 512 x 32064 = 77,234,176 = 1,235,746,816 / 16.
        macs[0].Should().Be(77_234_176);
        macs.Should().Equal(SyntheticModels.StandsFor.Select(real => real.Value.MultiplyAccumulatesPerToken / 16));
    }

    [Fact]
    public void Costs_Ladder_KeepsTheRealModelsRatios()
    {
        // Act
        var costs = SyntheticModels.Costs();

        // Assert
        costs.Select(c => c.RatioToSmallest).Should().Equal(costs.Select(c => c.StandsForRatioToSmallest), (a, b) => Math.Abs(a - b) < 0.01);
        costs.Select(c => Math.Round(c.RatioToSmallest, 2)).Should().Equal(1.00, 2.60, 6.07);
        costs.Select(c => c.StandsFor).Should().Equal("Llama 3.2 1B", "Llama 3.2 3B", "Llama 3 8B");
    }

    [Fact]
    public void DescribeCosts_Ladder_NamesEachSizeWithItsCostAndRatio()
    {
        // Act
        var lines = SyntheticModels.DescribeCosts().Split('\n');

        // Assert
        lines.Should().Equal(
            "synthetic-1b-scaled: 77.2 M MAC/token (x1.00), stands for Llama 3.2 1B: 1235.7 M MAC/token (x1.00)",
            "synthetic-3b-scaled: 200.8 M MAC/token (x2.60), stands for Llama 3.2 3B: 3212.6 M MAC/token (x2.60)",
            "synthetic-8b-scaled: 469.0 M MAC/token (x6.07), stands for Llama 3 8B: 7504.7 M MAC/token (x6.07)");
    }

    [Fact]
    public void All_EverySpec_IsValidQ4AndPlainlyNamedSynthetic()
    {
        // Assert
        SyntheticModels.All.Should().HaveCount(4).And.OnlyContain(s => s.Name.StartsWith("synthetic-", StringComparison.Ordinal) && s.TensorType == GgmlType.Q4_0);
        foreach (var spec in SyntheticModels.All)
            spec.Validate();
    }

    [Fact]
    public void Llama32OneBShapesQ4_Shape_IsTheRealLlama32OneB()
    {
        // Assert
        SyntheticModels.Llama32OneBShapesQ4.Shape.Should().Be(SyntheticModels.Llama32OneB);
        SyntheticModels.Llama32OneBShapesQ4.Name.Should().Be("synthetic-llama3.2-1b-shapes-q4_0");
    }

    [Theory]
    [InlineData("synthetic-8b-scaled", true)]
    [InlineData("SYNTHETIC-1B-SCALED", true)]
    [InlineData("synthetic-llama3.2-1b-shapes-q4_0", true)]
    [InlineData("synthetic-70b-scaled", false)]
    [InlineData("Llama-3.2-1B-Instruct-Q4_0.gguf", false)]
    public void TryFind_Name_FindsOnlyKnownSyntheticModels(string name, bool found)
    {
        // Act
        var result = SyntheticModels.TryFind(name, out var spec);

        // Assert
        result.Should().Be(found);
        if (found)
            spec.Name.Should().BeEquivalentTo(name);
    }

    [Fact]
    public void Validate_HeadsThatDoNotDivideTheEmbedding_Throws()
    {
        // Arrange
        var spec = TinySpecs.Tiny() with { HeadCount = 3 };

        // Act
        var act = spec.Validate;

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("synthetic-test-tiny: the embedding length 64 must split into 3 heads of even size");
    }

    [Fact]
    public void Validate_Q4WithFeedForwardNotAMultipleOfThirtyTwo_Throws()
    {
        // Arrange
        var spec = TinySpecs.Tiny(GgmlType.Q4_0) with { FeedForwardLength = 100 };

        // Act
        var act = spec.Validate;

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("*Q4_0 rows need the embedding and feed-forward lengths to be multiples of 32");
    }

    [Fact]
    public void Validate_NameWithoutSyntheticPrefix_Throws()
    {
        // Arrange
        var spec = TinySpecs.Tiny() with { Name = "llama-3.2-1b" };

        // Act
        var act = spec.Validate;

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("a synthetic model's name starts with 'synthetic-'*");
    }
}

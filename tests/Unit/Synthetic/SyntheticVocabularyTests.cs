using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class SyntheticVocabularyTests
{
    [Theory]
    [InlineData(512)]
    [InlineData(16032)]
    [InlineData(128256)]
    public void Build_Size_HasExactlyThatManyDistinctTokens(int size)
    {
        // Act
        var vocabulary = SyntheticVocabulary.Build(size);

        // Assert
        vocabulary.Tokens.Should().HaveCount(size).And.OnlyHaveUniqueItems();
        vocabulary.Scores.Should().HaveCount(size);
        vocabulary.Types.Should().HaveCount(size);
    }

    [Fact]
    public void Build_FirstTokens_AreSpecialsThenTheByteTokens()
    {
        // Act
        var vocabulary = SyntheticVocabulary.Build(1000);

        // Assert
        vocabulary.Tokens.Take(3).Should().Equal("<unk>", "<s>", "</s>");
        vocabulary.Types.Take(3).Should().Equal(2, 3, 3);
        vocabulary.Tokens[3].Should().Be("<0x00>");
        vocabulary.Tokens[3 + 0x0A].Should().Be("<0x0A>");
        vocabulary.Tokens[258].Should().Be("<0xFF>");
        vocabulary.Types.Skip(3).Take(256).Should().OnlyContain(t => t == 6);
        vocabulary.Types.Skip(259).Should().OnlyContain(t => t == 1);
    }

    [Fact]
    public void Build_WordPieces_StartWithTheWordBoundaryAndHaveEveryPrefixBeforeThem()
    {
        // Act
        var vocabulary = SyntheticVocabulary.Build(16032);

        // Assert
        var index = vocabulary.Tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var words = vocabulary.Tokens.Skip(259).Where(t => t.Length > 1).ToList();
        words.Should().OnlyContain(t => t[0] == '\u2581' && t.Skip(1).All(char.IsAsciiLetter));
        words.Should().Contain(["\u2581the", "\u2581water", "\u2581Water", "\u2581energy"]);
        foreach (var word in words.Where(w => w.Length > 2))
            index[word[..^1]].Should().BeLessThan(index[word], $"the prefix of {word} must be in the vocabulary before it");
        vocabulary.Scores[300].Should().BeGreaterThan(vocabulary.Scores[400], "earlier pieces merge first");
    }

    [Fact]
    public void Build_TooSmall_Throws()
    {
        // Act
        var act = () => SyntheticVocabulary.Build(511);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("a synthetic vocabulary needs at least 512 tokens*");
    }
}

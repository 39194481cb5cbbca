using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Unit.Fakes;

public sealed class FakeTextGeneratorTests
{
    [Fact]
    public void Generate_ManyPrompts_HasAboutOnePointThreeTokensPerWord()
    {
        // Arrange
        var words = 0;
        var tokens = 0;

        // Act
        for (var i = 0; i < 200; i++)
        {
            var prompt = $"Question {i}";
            var length = FakeTextGenerator.NaturalLength("m", prompt);
            words += TextMetrics.CountWords(FakeTextGenerator.Generate("m", prompt, length));
            tokens += length;
        }

        // Assert
        ((double)tokens / words).Should().BeInRange(1.2, 1.5);
    }

    [Theory]
    [InlineData(0.0, 0.65)]
    [InlineData(0.7, 1.0)]
    [InlineData(1.4, 1.35)]
    public void NaturalLength_Temperature_ScalesTheAnswerByHalfPerDegreeFromPointSeven(double temperature, double factor)
    {
        foreach (var prompt in new[] { "Question 1", "Question 2", "Question 3" })
        {
            var reference = FakeTextGenerator.NaturalLength("m", prompt);

            FakeTextGenerator.NaturalLength("m", prompt, temperature).Should().Be((int)Math.Round(reference * factor, MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public void Generate_ManyPrompts_HasPunctuationAndParagraphs()
    {
        // Act
        var text = string.Concat(Enumerable.Range(0, 20).Select(i => FakeTextGenerator.Generate("m", $"p{i}", 200)));

        // Assert
        text.Should().Contain(".").And.Contain(",").And.Contain("\n\n");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void Generate_TokenBudget_NeverEmpty(int tokens)
    {
        // Act
        var text = FakeTextGenerator.Generate("m", "p", tokens);

        // Assert
        TextMetrics.CountWords(text).Should().BeInRange(1, tokens);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(57)]
    [InlineData(200)]
    public void Tokens_AnyBudget_GivesExactlyThatManyPieces(int tokens)
    {
        // Act
        var pieces = FakeTextGenerator.Tokens("m", "p", tokens);

        // Assert: one piece per token: a word (with the space before it) or half a long word, a mark, or a paragraph break.
        pieces.Should().HaveCount(tokens);
        pieces.Should().OnlyContain(p => p == "," || p == "." || p == "\n\n" || System.Text.RegularExpressions.Regex.IsMatch(p, "^ ?[A-Za-z]+$"));
    }
}

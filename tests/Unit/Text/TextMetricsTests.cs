using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Unit.Text;

public sealed class TextMetricsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("Hello, world!", 2)]
    [InlineData("  leading and trailing  ", 3)]
    [InlineData("one\ntwo\tthree\r\nfour", 4)]
    [InlineData("a - b ... c", 3)]
    [InlineData("state-of-the-art is 1 word, 42 too.", 6)]
    [InlineData("- * ... !!", 0)]
    [InlineData("café déjà-vu 日本語", 3)]
    public void CountWords_Text_CountsRunsHoldingALetterOrDigit(string text, int expected)
    {
        // Act
        var words = TextMetrics.CountWords(text);

        // Assert
        words.Should().Be(expected);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("e\u0301te\u0301", 3)]
    [InlineData("👍🏽!", 2)]
    [InlineData("a b", 3)]
    public void CountCharacters_Text_CountsTextElements(string text, int expected)
    {
        // Act
        var characters = TextMetrics.CountCharacters(text);

        // Assert
        characters.Should().Be(expected);
    }

    [Fact]
    public void CountWords_Sentence_IsFarBelowCharacterCount()
    {
        // Arrange: the study's flaw was reporting characters as words.
        const string text = "Energy per response is measured in joules, not in watts.";

        // Act
        var words = TextMetrics.CountWords(text);
        var characters = TextMetrics.CountCharacters(text);

        // Assert
        words.Should().Be(10);
        characters.Should().Be(text.Length);
    }
}

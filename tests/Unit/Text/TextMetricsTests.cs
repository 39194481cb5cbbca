using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Unit.Text;

public sealed class TextMetricsTests
{
    // Expected counts by UAX #29's word boundary rules, by hand: a hyphen breaks (the WB rules have no exception
    // for it), an apostrophe or a full stop between letters does not (WB6/WB7), nor a full stop or comma between
    // digits (WB11/WB12); spaces, punctuation and symbols are no words. Scripts without spaces are split by ICU's
    // dictionaries.
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("Hello, world!", 2)]
    [InlineData("  leading and trailing  ", 3)]
    [InlineData("one\ntwo\tthree\r\nfour", 4)]
    [InlineData("a - b ... c", 3)]
    [InlineData("state-of-the-art", 4)]
    [InlineData("don't", 1)]
    [InlineData("3.14", 1)]
    [InlineData("1,000.5 people", 2)]
    [InlineData("state-of-the-art is 1 word, 42 too.", 9)]
    [InlineData("- * ... !! **", 0)]
    [InlineData("1. **Eat well**: fruit", 4)]
    // Short sentences in scripts without spaces whose segmentation is not in doubt, split by hand:
    // Chinese 我 | 喜欢 | 吃 | 苹果 (I like to eat apples), Japanese 猫 | が | 好き | です (I like cats: kanji, kana,
    // kanji + kana, kana), Thai ฉัน | ชอบ | กิน | ข้าว (I like to eat rice) and ฉัน | รัก | คุณ (I love you),
    // and 日本語 (the Japanese language) one word among Latin ones.
    [InlineData("我喜欢吃苹果。", 4)]
    [InlineData("猫が好きです。", 4)]
    [InlineData("ฉันชอบกินข้าว", 4)]
    [InlineData("ฉันรักคุณ", 3)]
    [InlineData("café déjà-vu 日本語", 4)]
    public void CountWords_Text_CountsUax29WordsWithDictionaries(string text, int expected)
    {
        // Act
        var words = TextMetrics.CountWords(text);

        // Assert
        words.Should().Be(expected);
    }

    [Fact]
    public void CountWords_ChineseFieldAnswer_CountsDictionaryWordsNotOne()
    {
        // Arrange: check the sentence is what it claims, by Unicode's categories.
        var runes = FieldAnswers.Chinese.EnumerateRunes().ToList();
        runes.Should().HaveCount(FieldAnswers.ChineseHan + FieldAnswers.ChinesePunctuation);
        runes.Count(r => r.Value is >= 0x4E00 and <= 0x9FFF).Should().Be(FieldAnswers.ChineseHan);
        runes.Count(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherPunctuation).Should().Be(FieldAnswers.ChinesePunctuation);

        // Act
        var words = TextMetrics.CountWords(FieldAnswers.Chinese);

        // Assert
        words.Should().BeInRange(FieldAnswers.ChineseHan / 4, FieldAnswers.ChineseHan);
        words.Should().Be(FieldAnswers.ChineseDictionaryWords);
    }

    [Fact]
    public void CountWords_JapaneseSentence_SplitsKanjiAndKana()
    {
        // Arrange: "I study Japanese." 私 | は | 日本語 | を | 勉強 | し | てい | ます: ICU's dictionary keeps the
        // auxiliary てい together (a person would write て | い); ICU 78 (Node's Intl.Segmenter) counts 8 too.
        const string text = "私は日本語を勉強しています。";

        // Act
        var words = TextMetrics.CountWords(text);

        // Assert
        words.Should().Be(8);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("e\u0301te\u0301", 3)]
    [InlineData("👍🏽!", 2)]
    [InlineData("a b", 3)]
    [InlineData("我喜欢吃苹果。", 7)]
    // By UAX #29, counted by hand: CR LF is one grapheme cluster (GB3); a lone CR, LF or other control is one of its own (GB4, GB5).
    [InlineData("a\r\nb", 3)]
    [InlineData("a\n\rb", 4)]
    [InlineData("\r\n\r\n", 2)]
    [InlineData("\r\r\n", 2)]
    [InlineData("a\tb\0", 4)]
    [InlineData("caf\u00e9\r\n", 5)]
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

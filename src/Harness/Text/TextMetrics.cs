using System.Globalization;
using ICU4N.Text;

namespace SlmEnergyBench.Harness.Text;

/// <summary>
/// Counts in generated text. Words and characters are different units: the seed study reported characters
/// per second as "words/s"; these two counts keep them apart.
/// </summary>
public static class TextMetrics
{
    /// <summary>
    /// The name of the rule <see cref="CountWords"/> applies, recorded beside every word count (<c>wordRule</c>):
    /// Unicode's word boundaries (UAX #29) with ICU's dictionary segmentation for scripts written without spaces,
    /// counting the word-like segments. Records written before this rule existed have no <c>wordRule</c>; their
    /// words were runs of non-space characters holding a letter or digit, which made a Chinese answer one word.
    /// </summary>
    public const string WordRule = "uax29-icu-dictionary";

    /// <summary>
    /// Words by Unicode's rules: the segments between word boundaries (UAX #29, Unicode Text Segmentation) that
    /// ICU's word break iterator marks as word-like (rule status letter, number, kana or ideographic), leaving out
    /// spaces, punctuation and symbols. For Han, Kana, Thai, Lao, Khmer and Myanmar, written without spaces, ICU
    /// splits runs with its dictionaries, so "我喜欢吃苹果。" is 4 words (我 | 喜欢 | 吃 | 苹果), not 1. In English,
    /// "state-of-the-art" is 4 words, "don't" and "3.14" 1 each, a lone "-" or "..." none. ICU4N 60.1 (ICU 60 data,
    /// root locale); see <see cref="WordRule"/>.
    /// </summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Not thread-safe: one iterator per call (ICU clones a cached prototype, so this is cheap after the first).
        var boundaries = BreakIterator.GetWordInstance(CultureInfo.InvariantCulture);
        boundaries.SetText(text);
        var words = 0;
        boundaries.First();
        while (boundaries.Next() != BreakIterator.Done)
        {
            // The status of the boundary just reached describes the segment before it: 0-99 none (spaces,
            // punctuation, symbols), 100-199 number, 200-299 letter, 300-399 kana, 400-499 ideographic.
            if (boundaries.RuleStatus >= BreakIterator.WordNoneLimit)
                words++;
        }

        return words;
    }

    /// <summary>
    /// User-perceived characters (extended grapheme clusters, UAX #29), so "é" written as e + accent and an emoji count once.
    /// Text that is all ASCII is counted without segmenting it: there every character is a cluster of its own except CR LF,
    /// which is one (UAX #29 rules GB3-GB5 and GB999; no ASCII character extends, prepends or joins), so the count is the
    /// length less the CR LF pairs. StringInfo's segmentation, kept for any other text, cost about 0.16 ms for a 1024-token
    /// English answer (benchmarks/Requests), the ASCII count about a microsecond.
    /// </summary>
    public static int CountCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (System.Text.Ascii.IsValid(text))
            return text.Length - text.AsSpan().Count("\r\n");
        return new StringInfo(text).LengthInTextElements;
    }
}

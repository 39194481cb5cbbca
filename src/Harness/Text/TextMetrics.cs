using System.Globalization;
using System.Text;

namespace SlmEnergyBench.Harness.Text;

/// <summary>
/// Counts in generated text. Words and characters are different units: the seed study reported characters
/// per second as "words/s"; these two counts keep them apart.
/// </summary>
public static class TextMetrics
{
    /// <summary>
    /// Words: maximal runs of non-whitespace characters that hold at least one letter or digit
    /// ("state-of-the-art" is one word, a lone "-" or "..." is none).
    /// </summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = 0;
        var inRun = false;
        var runHasLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (inRun && runHasLetterOrDigit)
                    words++;
                inRun = false;
                runHasLetterOrDigit = false;
                continue;
            }

            inRun = true;
            runHasLetterOrDigit |= Rune.IsLetterOrDigit(rune);
        }

        return inRun && runHasLetterOrDigit ? words + 1 : words;
    }

    /// <summary>User-perceived characters (extended grapheme clusters), so "é" written as e + accent and an emoji count once.</summary>
    public static int CountCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text).LengthInTextElements;
    }
}

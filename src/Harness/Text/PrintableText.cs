namespace SlmEnergyBench.Harness.Text;

/// <summary>Text from a program or a server made fit for one line of a message.</summary>
internal static class PrintableText
{
    /// <summary>
    /// <paramref name="text"/> on one line: line breaks become <paramref name="lineBreak"/>, and control characters,
    /// U+FFFD (invalid UTF-8) and lone surrogates (binary garbage, a broken or compressed stream) become '?'.
    /// </summary>
    public static string OneLine(string text, string lineBreak = " ") =>
        string.Concat(text.ReplaceLineEndings(lineBreak).Select(c => char.IsControl(c) || c == '\uFFFD' || char.IsSurrogate(c) ? '?' : c));
}

using System.Text;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Text made safe for GitHub-flavoured Markdown: on one line, with every character that could start emphasis,
/// strikethrough (<c>~</c>, which marks estimates), code, HTML, a link or a table cell escaped by a backslash, and
/// every <c>@name</c> mention and <c>#123</c> reference broken by a zero-width joiner after its <c>@</c> or <c>#</c>, so
/// that text from a run (a response, a problem) pasted into a pull-request comment notifies nobody and links nothing.
/// </summary>
internal static class MarkdownText
{
    /// <summary>U+200D ZERO WIDTH JOINER: invisible, and GitHub no longer sees a mention or an issue reference.</summary>
    public const char Joiner = '\u200D';

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n' or '\t':
                    s.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '~' or '<' or '>' or '|':
                    s.Append('\\').Append(c);
                    break;
                case ']' when i + 1 < text.Length && text[i + 1] == '(':
                    s.Append("\\]");
                    break;
                case '@' or '#' when i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] is '-' or '_'):
                    s.Append(c).Append(Joiner);
                    break;
                default:
                    s.Append(c);
                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>A GitHub table: header, separator, one line per row, every cell escaped.</summary>
    public static void AppendTable(StringBuilder md, ReportTable table)
    {
        md.Append("| ").AppendJoin(" | ", table.Headers.Select(Escape)).Append(" |\n");
        md.Append('|').AppendJoin('|', table.Headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in table.Rows)
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
    }
}

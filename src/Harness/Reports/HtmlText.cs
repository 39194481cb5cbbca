using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// HTML building blocks that escape every string they are given (<see cref="WebUtility.HtmlEncode(string)"/> encodes
/// <c>&lt; &gt; &amp; " '</c>, so the result is safe in text and in quoted attribute values alike).
/// </summary>
internal static partial class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A relative link to a file of the run folder, its name percent-encoded in the path and escaped in the text.</summary>
    public static string FileLink(string relativePath, string? text = null) =>
        $"<a href=\"{Encode(string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString)))}\">{Encode(text ?? relativePath)}</a>";

    /// <summary>A table; cells that read as numbers are right-aligned.</summary>
    public static void AppendTable(StringBuilder html, ReportTable table, string? caption = null, Func<IReadOnlyList<string>, bool>? highlight = null)
    {
        html.Append("<div class=\"scroll\"><table>");
        if (caption is not null)
            html.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var h in table.Headers)
            html.Append("<th scope=\"col\">").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(highlight?.Invoke(row) == true ? "<tr class=\"ours\">" : "<tr>");
            for (var i = 0; i < row.Count; i++)
                AppendCell(html, row[i], header: i == 0);
            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }

    public static void AppendCell(StringBuilder html, string text, bool header = false)
    {
        var tag = header ? "th scope=\"row\"" : "td";
        var close = header ? "th" : "td";
        html.Append('<').Append(tag);
        if (!header && NumberLike().IsMatch(text))
            html.Append(" class=\"num\"");
        html.Append('>');
        var interval = header ? Match.Empty : MeanAndInterval().Match(text);
        if (interval.Success)
            html.Append(Encode(interval.Groups[1].Value)).Append("<br><span class=\"ci\">").Append(Encode(interval.Groups[2].Value)).Append("</span>");
        else
            html.Append(Encode(text));
        html.Append("</").Append(close).Append('>');
    }

    /// <summary>"mean [low, high]": the interval goes on its own line, smaller, so a summary table stays narrow.</summary>
    [GeneratedRegex(@"^(~?[0-9][^ ]*) (\[~?[0-9].*\])$")]
    private static partial Regex MeanAndInterval();

    [GeneratedRegex(@"^[~+\-]?[0-9]")]
    private static partial Regex NumberLike();
}

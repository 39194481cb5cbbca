using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using static SlmEnergyBench.Harness.Reports.HtmlText;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The cases table of <c>report.html</c>: one row per case, its prompt and response escaped in a <c>&lt;details&gt;</c> below it.</summary>
internal static class HtmlCases
{
    private static readonly string[] Headers =
        ["Model", "Prompt", "Rep.", "Outcome", "Latency s", "Tokens", "Words", "J total", "Avg W", "Coverage", "Problems"];

    public static void Append(StringBuilder html, RunData run)
    {
        html.Append("<section id=\"cases\">\n<h2>Cases</h2>\n");
        if (run.Cases.Count == 0)
        {
            html.Append("<p>No cases recorded.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"scroll\"><table>\n<thead><tr>");
        foreach (var h in Headers)
            html.Append("<th scope=\"col\">").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var c in run.Cases)
            AppendCase(html, c);
        html.Append("</tbody></table></div>\n<p class=\"note\">Prompt is the prompt's position in the run (1-based). ")
            .Append("Energy and power are the total domain's over the request's window, gross of idle; coverage is the share of the window the meter's samples cover.</p>\n</section>\n");
    }

    private static void AppendCase(StringBuilder html, CaseRecord c)
    {
        var total = c.Energy?.Window.Domains.GetValueOrDefault(Domains.Total);
        var mark = c.Energy?.Provenance.Method == EnergyMethod.Estimated ? EstimateMark : "";
        var failed = c.Outcome != "passed";
        html.Append(failed ? "<tr class=\"failed\">" : "<tr>");
        AppendCell(html, c.Model, header: true);
        AppendCell(html, Integer(c.PromptOrdinal + 1));
        AppendCell(html, Integer(c.Repetition));
        AppendCell(html, c.Outcome);
        AppendCell(html, Number(c.Completion?.WallSeconds));
        AppendCell(html, Integer(c.Completion?.CompletionTokens));
        AppendCell(html, Integer(c.Completion?.WordCount));
        AppendCell(html, Number(total?.Joules, mark));
        AppendCell(html, Number(total?.AveragePowerW, mark));
        AppendCell(html, c.Energy is { } e ? Percent(e.Window.Coverage) : "");
        AppendCell(html, string.Join("; ", c.Problems));
        html.Append("</tr>\n<tr class=\"text\"><td colspan=\"").Append(Headers.Length).Append("\"><details><summary>Prompt and response")
            .Append(c.Completion is { } r ? $" ({r.CharacterCount} characters, finish: {Encode(r.FinishReason)})" : "")
            .Append("</summary>\n<strong>Prompt</strong> (dataset item ").Append(c.PromptDatasetIndex).Append(")\n<pre class=\"prose\">")
            .Append(Encode(c.PromptText)).Append("</pre>\n<strong>Response</strong>\n<pre class=\"prose\">")
            .Append(c.Completion is null ? "(no response)" : Encode(c.Completion.Text)).Append("</pre>\n</details></td></tr>\n");
    }

    private static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using static SlmEnergyBench.Harness.Reports.HtmlText;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// The cases table of <c>report.html</c>: one row per case with its total and per-domain joules, its energy's method and
/// any approximation of its window, its prompt and response escaped in a <c>&lt;details&gt;</c> below it. A run of more than
/// <see cref="MaxRows"/> cases shows that many (<see cref="Shown"/>): every failed case and the first passed ones, in run order,
/// and says that <c>cases.csv</c> holds them all.
/// </summary>
internal static class HtmlCases
{
    /// <summary>
    /// The most cases the table shows. A browser lays out a table of 10,000 cases (20,000 rows with their texts) in about
    /// 10 s; 1,000 in about 1 s (docs/benchmarks/ReportBenchmarks.md, "Page load ms").
    /// </summary>
    public const int MaxRows = 1000;

    /// <summary>
    /// The cases the table shows, in run order: all of them up to <paramref name="max"/>; beyond, every failed (not passed) case
    /// (the first <paramref name="max"/> if there are more) and the first passed ones up to <paramref name="max"/> in all.
    /// </summary>
    public static IReadOnlyList<CaseRecord> Shown(IReadOnlyList<CaseRecord> cases, int max = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (cases.Count <= max)
            return cases;
        var failed = Math.Min(max, cases.Count(c => c.Outcome != "passed"));
        var passed = max - failed;
        var shown = new List<CaseRecord>(max);
        foreach (var c in cases)
        {
            if (c.Outcome != "passed" ? failed-- > 0 : passed-- > 0)
                shown.Add(c);
        }

        return shown;
    }

    public static void Append(StringBuilder html, RunData run)
    {
        html.Append("<section id=\"cases\">\n<h2>Cases</h2>\n");
        if (run.Cases.Count == 0)
        {
            html.Append("<p>No cases recorded.</p>\n</section>\n");
            return;
        }

        var domains = run.EnergyDomains;
        List<string> headers = ["Model", "Prompt", "Rep.", "Outcome", "Latency s", "Tokens", "Words", "J total", .. domains.Select(d => $"J {d}"),
            "Avg W", "Edges", "Coverage", "Method", "Approximation", "Problems"];
        var shown = Shown(run.Cases);
        if (shown.Count < run.Cases.Count)
        {
            var failed = shown.Count(c => c.Outcome != "passed");
            html.Append("<p class=\"note\">This run has ").Append(run.Cases.Count).Append(" cases; so that the page opens quickly, the table lists ")
                .Append(failed == shown.Count ? $"its first {failed} failed cases" : $"its {failed} failed cases and the first {shown.Count - failed} passed ones")
                .Append(", in run order. Every case is in ").Append(FileLink(CasesCsv.FileName)).Append(".</p>\n");
        }

        html.Append("<div class=\"scroll\"><table>\n<thead><tr>");
        foreach (var h in headers)
            html.Append("<th scope=\"col\">").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var c in shown)
            AppendCase(html, c, domains, headers.Count);
        html.Append("</tbody></table></div>\n<p class=\"note\">Prompt is the prompt's position in the run (1-based). ")
            .Append("Energy and power are over the request's window, gross of idle: J total and Avg W the total domain's, J and a domain its own; ")
            .Append("Edges is the rule that split the samples straddling the window's edges, with the plain pro-rata total beside it; ")
            .Append("coverage is the share of the window the meter's samples cover; Method is how the energy was obtained; ")
            .Append("Approximation says how a window's figures were approximated, when they were.</p>\n</section>\n");
    }

    private static void AppendCase(StringBuilder html, CaseRecord c, IReadOnlyList<string> domains, int columns)
    {
        var total = c.Energy?.Window.Domains.GetValueOrDefault(Domains.Total);
        var mark = c.Energy is { } energy ? EnergyMethodText.Mark(energy.Provenance.Method) : "";
        var failed = c.Outcome != "passed";
        html.Append(failed ? "<tr class=\"failed\">" : "<tr>");
        AppendCell(html, c.Unit, header: true);
        AppendCell(html, Integer(c.PromptOrdinal + 1));
        AppendCell(html, Integer(c.Repetition));
        AppendCell(html, c.Outcome);
        AppendCell(html, Number(c.Completion?.WallSeconds));
        AppendCell(html, Integer(c.Completion?.CompletionTokens));
        AppendCell(html, Integer(c.Completion?.WordCount));
        AppendCell(html, Number(total?.Joules, mark));
        foreach (var domain in domains)
            AppendCell(html, Number(c.Energy?.Window.Domains.GetValueOrDefault(domain)?.Joules, mark));
        AppendCell(html, Number(total?.AveragePowerW, mark));
        AppendCell(html, c.Energy?.Window is { } w && w.ProRataJoules.TryGetValue(Domains.Total, out var proRata)
            ? $"{w.EdgeRule} (pro rata {Number(proRata, mark)} J)"
            : c.Energy?.Window.EdgeRule ?? "");
        AppendCell(html, c.Energy is { } e ? Percent(e.Window.Coverage) : "");
        AppendCell(html, c.Energy is { } m ? EnergyMethodText.Word(m.Provenance.Method) : "");
        AppendCell(html, c.Energy?.Window.Approximation ?? "");
        AppendCell(html, string.Join("; ", c.Problems));
        html.Append("</tr>\n<tr class=\"text\"><td colspan=\"").Append(columns).Append("\"><details><summary>Prompt and response")
            .Append(c.Completion is { } r ? $" ({r.CharacterCount} characters, finish: {Encode(r.FinishReason)})" : "")
            .Append("</summary>\n<strong>Prompt</strong> (dataset item ").Append(c.PromptDatasetIndex).Append(")\n<pre class=\"prose\">")
            .Append(Encode(c.PromptText)).Append("</pre>\n<strong>Response</strong>\n<pre class=\"prose\">")
            .Append(c.Completion is null ? "(no response)" : Encode(c.Completion.Text)).Append("</pre>\n</details></td></tr>\n");
    }

    private static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

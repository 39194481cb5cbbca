using System.Text;
using SlmEnergyBench.Harness.Reports.Charts;
using static SlmEnergyBench.Harness.Reports.HtmlText;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The merged <c>report.html</c>: one self-contained page (no external resource, no script, charts as inline SVG images) with the
/// machines, why their figures can or cannot be compared, one row per (model, machine) and the charts with the machine as the series.
/// Every string from the runs' files is HTML-escaped. Deterministic: the same runs, labels and charts give the same bytes.
/// </summary>
public static class MergedHtml
{
    public const string FileName = HtmlReport.FileName;

    public static string Render(MergedRuns merged, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder(64 * 1024);
        HtmlReport.AppendHead(html, Title(merged));
        html.Append("<header>\n<h1>").Append(Encode(Title(merged))).Append("</h1>\n<p class=\"sub\">SlmEnergyBench merged report: ")
            .Append(merged.Machines.Count).Append(" runs, one per machine, ").Append(merged.Models.Count).Append(" models</p>\n");
        HtmlReport.AppendBanners(html, MergedBanners.Of(merged));
        html.Append("</header>\n<nav><a href=\"#machines\">Machines</a><a href=\"#summary\">Summary</a>");
        if (charts.Count > 0)
            html.Append("<a href=\"#charts\">Charts</a>");
        html.Append("<a href=\"#files\">Files</a></nav>\n");

        html.Append("<section id=\"machines\">\n<h2>Machines</h2>\n");
        AppendTable(html, MergedTables.Machines(merged));
        foreach (var note in MergedNotes.Comparability(merged))
            html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
        html.Append("</section>\n");

        html.Append("<section id=\"summary\">\n<h2>Per-model summary by machine</h2>\n");
        AppendTable(html, MergedTables.Summary(merged));
        html.Append("<p class=\"note\">").Append(Encode(MergedNotes.NothingPooled)).Append(' ').Append(Encode(MergedNotes.ColumnsNote)).Append("</p>\n</section>\n");

        if (charts.Count > 0)
        {
            html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"chart-grid\">\n");
            foreach (var chart in charts)
                HtmlReport.AppendFigure(html, chart, wide: true);
            html.Append("</div>\n</section>\n");
        }

        html.Append("<section id=\"files\">\n<h2>Files</h2>\n<ul class=\"files\">\n<li>").Append(FileLink(MergedCsv.FileName))
            .Append(": one row per model and machine, every figure at full precision</li>\n<li>").Append(FileLink(MergedMarkdown.FileName)).Append("</li>\n");
        foreach (var machine in merged.Machines)
            html.Append("<li>").Append(Encode(machine.Label)).Append(": run folder ").Append(Encode(machine.Run.Directory)).Append("</li>\n");
        html.Append("</ul>\n</section>\n");

        html.Append("<footer>Written by SlmEnergyBench from the files of runs ").Append(Encode(string.Join(", ", merged.Machines.Select(m => m.Run.RunId))))
            .Append(". Numbers use a point for decimals; means carry a 95% bootstrap confidence interval in brackets.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"3 machines: run-a, run-b, run-c" as the page's title and heading.</summary>
    public static string Title(MergedRuns merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        return $"{merged.Machines.Count} machines: {string.Join(", ", merged.Machines.Select(m => m.Run.RunId))}";
    }
}

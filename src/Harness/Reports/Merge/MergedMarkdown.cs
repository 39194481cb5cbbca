using System.Text;
using SlmEnergyBench.Harness.Reports.Charts;
using static SlmEnergyBench.Harness.Reports.MarkdownText;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The merged <c>report.md</c>, fit for a pull-request comment: the notices, the machines, why their figures can or cannot be
/// compared, one row per (model, machine), and the charts as links to their PNG files. Text from the runs is escaped
/// (<see cref="MarkdownText"/>); cut at <see cref="MarkdownReport.MaxLength"/> characters. Deterministic.
/// </summary>
public static class MergedMarkdown
{
    public const string FileName = MarkdownReport.FileName;

    public static string Render(MergedRuns merged, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(charts);
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(MergedHtml.Title(merged))).Append("\n\n");
        foreach (var banner in MergedBanners.Of(merged))
            md.Append("> **").Append(Escape(banner.Line)).Append("**\n\n");
        md.Append("Links are relative to the merged report's folder.\n\n## Machines\n\n");
        AppendTable(md, MergedTables.Machines(merged));
        md.Append('\n');
        foreach (var note in MergedNotes.Comparability(merged))
            md.Append(Escape(note)).Append("\n\n");

        md.Append("## Per-model summary by machine\n\n");
        AppendTable(md, MergedTables.Summary(merged));
        md.Append('\n').Append(Escape(MergedNotes.NothingPooled)).Append(' ').Append(Escape(MergedNotes.ColumnsNote)).Append("\n\n");

        if (charts.Count > 0)
        {
            md.Append("## Charts\n\n");
            foreach (var chart in charts)
                md.Append("- [").Append(Escape(chart.Title)).Append("](charts/").Append(Uri.EscapeDataString(chart.FileStem)).Append(".png)\n");
            md.Append('\n');
        }

        md.Append("Every figure at full precision: [").Append(MergedCsv.FileName).Append("](").Append(MergedCsv.FileName).Append(").\n");
        var text = md.ToString();
        return text.Length <= MarkdownReport.MaxLength ? text : text[..(MarkdownReport.MaxLength - MarkdownReport.CutNotice.Length)] + MarkdownReport.CutNotice;
    }
}

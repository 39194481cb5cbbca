using System.Text;
using SlmEnergyBench.Harness.Reports.Charts;
using static SlmEnergyBench.Harness.Reports.MarkdownText;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// <c>report.md</c>: the headline of a run, compact enough for a pull-request comment. Charts are links to their PNG
/// files, never inline images. Deterministic: the same run gives the same text.
/// </summary>
public static class MarkdownReport
{
    public const string FileName = "report.md";

    public static string Render(RunData run, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(charts);
        var m = run.Manifest;
        var md = new StringBuilder();
        md.Append("# Run ").Append(Escape(run.RunId)).Append(" (profile ").Append(Escape(m.Profile)).Append(")\n\n");
        foreach (var banner in ReportText.Banners(run))
            md.Append("> **").Append(Escape(banner)).Append("**\n\n");
        md.Append("Backend: ").Append(Escape(m.Backend.Name)).Append(", ").Append(Escape(m.Backend.Endpoint)).Append(" at ")
            .Append(Escape(m.Backend.Location)).Append(". Status: ").Append(Escape(m.Status)).Append(". Started ")
            .Append(ReportNumbers.Utc(m.StartedUtc)).Append(", ended ").Append(m.EndedUtc is null ? "not recorded" : ReportNumbers.Utc(m.EndedUtc))
            .Append(". Cases: ").Append(m.CasesPassed).Append(" passed, ").Append(m.CasesFailed).Append(" failed.\n\n");

        md.Append("## How energy was obtained\n\n")
            .AppendJoin(" ", ReportText.EnergyFacts(run).Select(f => $"**{f.Label}:** {Escape(f.Value)}{(f.Value.EndsWith('.') ? "" : ".")}"))
            .Append("\n\n");

        md.Append("## Per-model summary\n\n");
        AppendTable(md, ReportTables.Summary(run));
        md.Append("\nMean [95% bootstrap CI] over the passed cases; energy is the total domain's, gross of idle unless said; ")
            .Append(run.IsEstimated ? "\\~ marks an ESTIMATED figure.\n\n" : "all energy figures measured.\n\n");

        md.Append("## Compared with published figures\n\n");
        AppendTable(md, ReportTables.Published(run));
        md.Append('\n').Append(Escape(ReportText.LikeWithLike + ReportText.ThisRunScope(run))).Append("\n\n");

        if (run.SeedAnalysis is { } seed)
        {
            md.Append("## The seed study re-analysed\n\n").Append(Escape(ReportText.SeedIntro)).Append("\n\n");
            AppendTable(md, ReportTables.SeedFigures(seed));
            md.Append('\n');
            AppendTable(md, ReportTables.SeedDifferences(seed));
            md.Append('\n').Append(Escape(ReportText.SeedInferredTimes));
            if (!string.IsNullOrWhiteSpace(m.Meter.Notes))
                md.Append(" Meter notes: ").Append(Escape(m.Meter.Notes));
            md.Append("\n\n");
        }

        var failed = run.Cases.Where(c => c.Outcome != "passed").ToArray();
        if (failed.Length > 0)
        {
            md.Append("## Failed cases\n\n");
            foreach (var c in failed)
            {
                md.Append("- ").Append(Escape(c.Model)).Append(", prompt ").Append(c.PromptOrdinal + 1)
                    .Append(", repetition ").Append(c.Repetition).Append(": ")
                    .Append(Escape(c.Problems.Count > 0 ? c.Problems[0] : c.Outcome)).Append('\n');
            }

            md.Append('\n');
        }

        if (charts.Count > 0)
        {
            md.Append("## Charts\n\n");
            foreach (var chart in charts)
            {
                md.Append("- [").Append(Escape(chart.Title).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)).Append("](charts/").Append(Uri.EscapeDataString(chart.FileStem)).Append(".png) ([SVG](charts/")
                    .Append(Uri.EscapeDataString(chart.FileStem)).Append(".svg)): ").Append(Escape(chart.Caption)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("Full report: report.html. Every case: cases.csv.\n");
        return md.ToString();
    }
}

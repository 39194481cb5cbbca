using System.Text;
using SlmEnergyBench.Harness.Reports.Charts;
using static SlmEnergyBench.Harness.Reports.MarkdownText;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// <c>report.md</c>: the headline of a run, fit for a pull-request comment: charts are links to their PNG files, never
/// inline images; failures are summarised per model with at most <see cref="MaxFailureLines"/> listed; mentions and
/// issue references from the data are neutralised (<see cref="MarkdownText"/>); the whole text stays under
/// <see cref="MaxLength"/> characters (GitHub refuses a comment over 65,536). Deterministic: the same run gives the same text.
/// </summary>
public static class MarkdownReport
{
    public const string FileName = "report.md";

    /// <summary>The longest report.md written; a longer one is cut with <see cref="CutNotice"/>.</summary>
    public const int MaxLength = 60_000;

    public const string CutNotice = "\n\n(cut: see report.html)\n";

    /// <summary>How many failed cases are listed one by one; the rest are counted.</summary>
    public const int MaxFailureLines = 10;

    /// <summary>How long a problem may be in the failure summary.</summary>
    public const int ProblemLength = 200;

    public static string Render(RunData run, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(charts);
        var m = run.Manifest;
        var md = new StringBuilder();
        md.Append("# Run ").Append(Escape(run.RunId)).Append(" (profile ").Append(Escape(m.Profile)).Append(")\n\n");
        foreach (var banner in ReportText.Banners(run))
            md.Append("> **").Append(Escape(banner.Line)).Append("**\n\n");
        md.Append("Links are relative to the run folder results/").Append(Escape(run.RunId)).Append("/.\n\n");
        var warnings = ReportText.ShownWarnings(run);
        if (warnings.Count > 0)
        {
            md.Append("## Warnings\n\n");
            foreach (var warning in warnings)
                md.Append("- ").Append(Escape(warning)).Append('\n');
            md.Append('\n');
        }

        md.Append("Backend: ").Append(Escape(m.Backend.Name)).Append(", ").Append(Escape(m.Backend.Endpoint)).Append(" at ")
            .Append(Escape(m.Backend.Location)).Append(". Status: ").Append(Escape(RunStateBanners.EffectiveStatus(m))).Append(". Started ")
            .Append(ReportNumbers.Utc(m.StartedUtc)).Append(", ended ").Append(m.EndedUtc is null ? "not recorded" : ReportNumbers.Utc(m.EndedUtc))
            .Append(". Cases: ").Append(Escape(ReportText.CaseCounts(run))).Append(".\n\n");
        if (RunConditionsText.MachineFacts(run) is { Count: > 0 } machine)
            md.Append(Facts(machine)).Append("\n\n");

        md.Append("## How energy was obtained\n\n").Append(Facts(ReportText.EnergyFacts(run))).Append("\n\n");

        md.Append("## Per-model summary\n\n");
        if (run.Cases.Count == 0)
        {
            md.Append("No cases recorded: ").Append(RunDataReader.CasesFile).Append(" holds no readable record, so there is nothing to summarise.\n\n");
        }
        else
        {
            AppendTable(md, ReportTables.Summary(run));
            md.Append("\nMean [95% bootstrap CI] over the passed cases (a model with fewer than two shows its mean without one). ")
                .Append(Escape(ReportText.SummaryDomainsNote)).Append(' ').Append(Escape(ReportText.SentenceStart(ReportText.EnergyNote(run)))).Append(".\n\n");
            if (ReportTables.Domains(run) is { } domains)
            {
                md.Append("### Energy and power per domain\n\n");
                AppendTable(md, domains);
                md.Append('\n').Append(Escape(ReportText.DomainsNote(run))).Append("\n\n");
            }

            if (StreamPhaseTable.Of(run) is { } streaming)
            {
                md.Append("### Streaming timings and prefill/decode energy\n\n");
                AppendTable(md, streaming);
                md.Append('\n').Append(Escape(StreamPhaseTable.Intro)).Append("\n\n");
            }
        }

        if (RuntimeTables.SideBySide(run) is { } runtimes)
        {
            md.Append("## Runtimes side by side\n\n");
            AppendTable(md, runtimes);
            md.Append('\n').Append(Escape(ReportText.RuntimesNote)).Append("\n\n");
            if (RuntimeTables.SettingsThatDiffer(run) is { } settings)
            {
                md.Append("### Settings that differed\n\n");
                if (settings.Rows.Count > 0)
                    AppendTable(md, settings);
                md.Append('\n').Append(Escape(ReportText.RuntimeSettingsNote)).Append("\n\n");
            }
        }

        if (Sweep.SweepTable.Of(run) is { } sweep)
        {
            md.Append("## Sweep\n\n");
            AppendTable(md, sweep);
            md.Append('\n').Append(Escape(Sweep.SweepTable.Note)).Append(' ').Append(Escape(ReportText.SentenceStart(ReportText.EnergyNote(run)))).Append(".\n\n");
        }

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

        AppendFailures(md, run);

        var noPower = ReportText.NoPowerChart(run, charts);
        if (charts.Count > 0 || noPower is not null)
        {
            md.Append("## Charts\n\n");
            if (noPower is not null)
                md.Append(Escape(noPower)).Append("\n\n");
            foreach (var chart in charts)
            {
                md.Append("- [").Append(Escape(chart.Title).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)).Append("](charts/").Append(Uri.EscapeDataString(chart.FileStem)).Append(".png) ([SVG](charts/")
                    .Append(Uri.EscapeDataString(chart.FileStem)).Append(".svg)): ").Append(Escape(chart.Caption)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("Full report: report.html. Every case: cases.csv.\n");
        return Limit(md.ToString(), MaxLength);
    }

    /// <summary>
    /// <paramref name="md"/> when it has at most <paramref name="max"/> characters; else its first whole lines that fit
    /// with <see cref="CutNotice"/> after them.
    /// </summary>
    internal static string Limit(string md, int max)
    {
        ArgumentNullException.ThrowIfNull(md);
        if (md.Length <= max)
            return md;
        var keep = Math.Max(0, max - CutNotice.Length);
        var end = md.LastIndexOf('\n', Math.Max(0, keep - 1));
        return string.Concat(md.AsSpan(0, end < 0 ? keep : end), CutNotice);
    }

    /// <summary>Per model: how many failed and its first problem; then the first failed cases one by one, then how many more.</summary>
    private static void AppendFailures(StringBuilder md, RunData run)
    {
        var failed = run.Cases.Where(c => c.Outcome != "passed").ToArray();
        if (failed.Length == 0)
            return;
        md.Append("## Failed cases\n\n");
        foreach (var model in failed.GroupBy(c => c.Unit, StringComparer.Ordinal))
        {
            md.Append("- ").Append(Escape(model.Key)).Append(": ").Append(model.Count()).Append(" failed: ")
                .Append(Escape(ReportNumbers.Cut(Problem(model.First()), ProblemLength))).Append('\n');
        }

        md.Append('\n');
        foreach (var c in failed.Take(MaxFailureLines))
        {
            md.Append("- ").Append(Escape(c.Unit)).Append(", prompt ").Append(c.PromptOrdinal + 1)
                .Append(", repetition ").Append(c.Repetition).Append(": ")
                .Append(Escape(ReportNumbers.Cut(Problem(c), ProblemLength))).Append('\n');
        }

        if (failed.Length > MaxFailureLines)
            md.Append("- ... and ").Append(failed.Length - MaxFailureLines).Append(" more, see cases.csv\n");
        md.Append('\n');
    }

    /// <summary>Labelled facts as one paragraph: "**Label:** value. **Label:** value."</summary>
    private static string Facts(IEnumerable<(string Label, string Value)> facts) =>
        string.Join(" ", facts.Select(f => $"**{f.Label}:** {Escape(f.Value)}{(f.Value.EndsWith('.') ? "" : ".")}"));

    private static string Problem(Results.CaseRecord c) => c.Problems.Count > 0 ? c.Problems[0] : c.Outcome;
}

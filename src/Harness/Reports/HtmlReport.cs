using System.Text;
using SlmEnergyBench.Harness.Reports.Charts;
using static SlmEnergyBench.Harness.Reports.HtmlText;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained file to open, share and trust. No external resource and no script; the
/// charts are inline SVG images (<c>data:</c> URIs, so an SVG cannot run script); every string read from the run's
/// files is HTML-escaped. Deterministic: the same run and charts give the same bytes.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    public static string Render(RunData run, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new StringBuilder(64 * 1024);
        AppendHead(html, $"SlmEnergyBench run {run.RunId} ({run.Manifest.Profile})");

        AppendHeader(html, run);
        AppendNavigation(html, run, charts);
        AppendEnergy(html, run);
        AppendSummary(html, run);
        AppendRuntimes(html, run);
        AppendSweep(html, run);
        if (run.SeedAnalysis is not null)
            AppendSeed(html, run, run.SeedAnalysis);
        AppendCharts(html, run, charts);
        AppendPublished(html, run);
        AppendIdle(html, run);
        HtmlCases.Append(html, run);
        HtmlRunFiles.Append(html, run, charts);

        html.Append("<footer>Written by SlmEnergyBench from the files of run ").Append(Encode(run.RunId))
            .Append(". Numbers use a point for decimals; means carry a 95% bootstrap confidence interval in brackets.</footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, RunData run)
    {
        var m = run.Manifest;
        html.Append("<header>\n<h1>Run ").Append(Encode(run.RunId)).Append("</h1>\n<p class=\"sub\">SlmEnergyBench report, profile <strong>")
            .Append(Encode(m.Profile)).Append("</strong>, ").Append(run.Models.Count).Append(" models, ").Append(run.Cases.Count).Append(" cases</p>\n");
        AppendBanners(html, ReportText.Banners(run));

        html.Append("<dl class=\"facts\">\n");
        Fact(html, "Profile", m.Profile);
        Fact(html, "Backend", $"{m.Backend.Name} ({m.Backend.Availability})");
        Fact(html, "Endpoint", $"{m.Backend.Endpoint} at {m.Backend.Location}");
        Fact(html, "Status", RunStateBanners.EffectiveStatus(m));
        Fact(html, "Started", ReportNumbers.Utc(m.StartedUtc));
        Fact(html, "Ended", m.EndedUtc is null ? "not recorded" : ReportNumbers.Utc(m.EndedUtc));
        Fact(html, "Cases", ReportText.CaseCounts(run));
        Fact(html, "Machine", $"{ReportText.Hardware(run)}, {m.Machine.LogicalCores} logical cores, {m.Machine.Runtime}");
        Fact(html, "Prompts", $"{m.Prompts.Count} of {m.Prompts.DatasetItems} from {m.Prompts.Source} ({m.Prompts.Selection})");
        foreach (var (label, value) in RunConditionsText.MachineFacts(run))
            Fact(html, label, value);
        foreach (var warning in ReportText.ShownWarnings(run))
            Fact(html, "Warning", warning);
        html.Append("</dl>\n</header>\n");
    }

    /// <summary>The document's start up to the opened body: the title (escaped) and the one inline style sheet.</summary>
    internal static void AppendHead(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(HtmlStyle.Css).Append("\n</style>\n</head>\n<body>\n");

    /// <summary>Each banner as a coloured box (<c>banner &lt;kind&gt;</c>, role alert) with each detail on its own line.</summary>
    internal static void AppendBanners(StringBuilder html, IEnumerable<ReportBanner> banners)
    {
        foreach (var banner in banners)
        {
            html.Append("<div class=\"banner ").Append(banner.Kind).Append("\" role=\"alert\">").Append(Encode(banner.Text));
            foreach (var detail in banner.Details)
                html.Append("<span class=\"detail\">").Append(Encode(detail)).Append("</span>");
            html.Append("</div>\n");
        }
    }

    private static void AppendNavigation(StringBuilder html, RunData run, IReadOnlyList<RenderedChart> charts)
    {
        html.Append("<nav>");
        var sections = new List<(string Id, string Title)> { ("energy", "How energy was obtained"), ("summary", "Summary") };
        if (RuntimeTables.SideBySide(run) is not null)
            sections.Add(("runtimes", "Runtimes"));
        if (Sweep.SweepRows.Applies(run))
            sections.Add(("sweep", "Sweep"));
        if (run.SeedAnalysis is not null)
            sections.Add(("seed", "Seed study"));
        if (charts.Count > 0 || ReportText.NoPowerChart(run, charts) is not null)
            sections.Add(("charts", "Charts"));
        sections.Add(("published", "Published figures"));
        if (run.Manifest.Idle.Count > 0)
            sections.Add(("idle", "Idle power"));
        sections.AddRange([("cases", "Cases"), ("manifest", "Manifest"), ("files", "Files")]);
        foreach (var (id, title) in sections)
            html.Append("<a href=\"#").Append(id).Append("\">").Append(Encode(title)).Append("</a>");
        html.Append("</nav>\n");
    }

    private static void AppendEnergy(StringBuilder html, RunData run)
    {
        html.Append("<section id=\"energy\">\n<h2>How energy was obtained</h2>\n<dl class=\"facts\">\n");
        foreach (var (label, value) in ReportText.EnergyFacts(run))
            Fact(html, label, value);
        html.Append("</dl>\n</section>\n");
    }

    private static void AppendSummary(StringBuilder html, RunData run)
    {
        html.Append("<section id=\"summary\">\n<h2>Per-model summary</h2>\n");
        if (run.Cases.Count == 0)
        {
            html.Append("<p>No cases recorded: ").Append(Encode(RunDataReader.CasesFile)).Append(" holds no readable record, so there is nothing to summarise.</p>\n</section>\n");
            return;
        }

        AppendTable(html, ReportTables.Summary(run));
        html.Append("<p class=\"note\">Mean [95% bootstrap confidence interval] over each model's passed cases; failed cases are only counted. ")
            .Append(Encode(ReportText.SummaryDomainsNote)).Append(" J/token as the ratio of totals is the energy spent per token produced; ")
            .Append("the mean of ratios is the seed study's method, where a short answer weighs as much as a long one.")
            .Append(' ').Append(Encode(ReportText.SentenceStart(ReportText.EnergyNote(run)))).Append(".</p>\n");
        if (ReportTables.Domains(run) is { } domains)
        {
            html.Append("<h3>Energy and power per domain</h3>\n");
            AppendTable(html, domains);
            html.Append("<p class=\"note\">").Append(Encode(ReportText.DomainsNote(run))).Append("</p>\n");
        }

        if (StreamPhaseTable.Of(run) is { } streaming)
        {
            html.Append("<h3>Streaming timings and prefill/decode energy</h3>\n");
            AppendTable(html, streaming);
            html.Append("<p class=\"note\">").Append(Encode(StreamPhaseTable.Intro)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A multi-runtime run's runtimes side by side and the settings that differed; nothing for a run of one runtime.</summary>
    private static void AppendRuntimes(StringBuilder html, RunData run)
    {
        if (RuntimeTables.SideBySide(run) is not { } table)
            return;
        html.Append("<section id=\"runtimes\">\n<h2>Runtimes side by side</h2>\n");
        AppendTable(html, table);
        html.Append("<p class=\"note\">").Append(Encode(ReportText.RuntimesNote)).Append("</p>\n");
        if (RuntimeTables.SettingsThatDiffer(run) is { } settings)
        {
            html.Append("<h3>Settings that differed</h3>\n");
            if (settings.Rows.Count > 0)
                AppendTable(html, settings);
            html.Append("<p class=\"note\">").Append(Encode(ReportText.RuntimeSettingsNote)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A sweeping run's points per runtime x model (<see cref="Sweep.SweepTable"/>); nothing for a run without sweeps.</summary>
    private static void AppendSweep(StringBuilder html, RunData run)
    {
        if (Sweep.SweepTable.Of(run) is not { } table)
            return;
        html.Append("<section id=\"sweep\">\n<h2>Sweep</h2>\n");
        AppendTable(html, table);
        html.Append("<p class=\"note\">").Append(Encode(Sweep.SweepTable.Note)).Append(' ')
            .Append(Encode(ReportText.SentenceStart(ReportText.EnergyNote(run)))).Append(".</p>\n</section>\n");
    }

    private static void AppendCharts(StringBuilder html, RunData run, IReadOnlyList<RenderedChart> charts)
    {
        var noPower = ReportText.NoPowerChart(run, charts);
        if (charts.Count == 0 && noPower is null)
            return;
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (noPower is not null)
            html.Append("<p class=\"note\">").Append(Encode(noPower)).Append("</p>\n");
        html.Append("<div class=\"chart-grid\">\n");
        foreach (var chart in charts)
        {
            // Timelines, the published comparison and the sweep's charts carry long labels or legends: they take the full width.
            var wide = chart.FileStem.StartsWith(Charts.PowerTimelineChart.StemPrefix, StringComparison.Ordinal)
                       || chart.FileStem is Charts.RunCharts.PublishedJoulesPerToken or Charts.RunCharts.PublishedJoulesPerResponse
                           or Charts.InFlightChart.FileStem or Charts.TradeOffChart.FileStem;
            AppendFigure(html, chart, wide);
        }

        html.Append("</div>\n</section>\n");
    }

    /// <summary>
    /// One chart as a figure: the SVG inline as a <c>data:</c> image whose alt text is the title, the title and caption under it, and links
    /// to its PNG and SVG files under <c>charts/</c>; <paramref name="wide"/> takes the grid's full width.
    /// </summary>
    internal static void AppendFigure(StringBuilder html, RenderedChart chart, bool wide)
    {
        var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
        html.Append("<figure").Append(wide ? " class=\"wide\"" : "").Append(" id=\"chart-").Append(Encode(chart.FileStem)).Append("\">\n<img src=\"data:image/svg+xml;base64,").Append(svg)
            .Append("\" alt=\"").Append(Encode(chart.Title)).Append("\">\n<figcaption><strong>").Append(Encode(chart.Title)).Append("</strong>")
            .Append(Encode(chart.Caption)).Append(" <span class=\"note\">Files: ")
            .Append(FileLink($"charts/{chart.FileStem}.png", "PNG")).Append(", ").Append(FileLink($"charts/{chart.FileStem}.svg", "SVG"))
            .Append(".</span></figcaption>\n</figure>\n");
    }

    private static void AppendPublished(StringBuilder html, RunData run)
    {
        html.Append("<section id=\"published\">\n<h2>Compared with published figures</h2>\n");
        AppendTable(html, ReportTables.Published(run), highlight: row => row[0].StartsWith(ReportTables.ThisRunSource, StringComparison.Ordinal));
        html.Append("<p>").Append(Encode(ReportText.LikeWithLike + ReportText.ThisRunScope(run))).Append("</p>\n</section>\n");
    }

    private static void AppendSeed(StringBuilder html, RunData run, SeedStudy.SeedStudyComparison seed)
    {
        html.Append("<section id=\"seed\">\n<h2>The seed study re-analysed</h2>\n<p>").Append(Encode(ReportText.SeedIntro)).Append("</p>\n");
        AppendTable(html, ReportTables.SeedFigures(seed), "Each figure by the study's method and by this project's");
        AppendTable(html, ReportTables.SeedDifferences(seed), "Each change of method on its own");
        html.Append("<p class=\"note\">").Append(Encode(ReportText.SeedInferredTimes));
        if (!string.IsNullOrWhiteSpace(run.Manifest.Meter.Notes))
            html.Append(" Meter notes: ").Append(Encode(run.Manifest.Meter.Notes));
        html.Append("</p>\n</section>\n");
    }

    private static void AppendIdle(StringBuilder html, RunData run)
    {
        if (run.Manifest.Idle.Count == 0)
            return;
        html.Append("<section id=\"idle\">\n<h2>Idle power</h2>\n");
        AppendTable(html, ReportTables.Idle(run));
        html.Append("<p class=\"note\">Average power with nothing generating, on the session timeline (seconds from the run's start); ")
            .Append("net energies subtract the model's idle power over each request's window. The last row shows drift over the run.</p>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
}

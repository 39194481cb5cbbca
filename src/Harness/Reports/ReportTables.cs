using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The tables both reports show, as text cells: the summary, the published comparison, the seed study, idle power.</summary>
internal static class ReportTables
{
    /// <summary>How the published comparison names this run's rows: "This run (&lt;run id&gt;)".</summary>
    public const string ThisRunSource = "This run";

    /// <summary>
    /// One row per model: counts, then mean [95% CI] of each metric, the total domain's J/response followed by each
    /// domain's (<see cref="RunData.EnergyDomains"/>: "J/response gpu"), so a GPU-only figure is never hidden in the
    /// total; energy figures carry their method's mark (<c>~</c> for an estimate) and the last column names the method.
    /// </summary>
    public static ReportTable Summary(RunData run)
    {
        var models = run.Summary.Models;
        var domains = run.EnergyDomains;
        var net = models.Any(m => m.Metrics.ContainsKey(MetricNames.JoulesPerResponseNet));
        var ttft = models.Any(m => m.Metrics.ContainsKey(MetricNames.TimeToFirstTokenS));
        var headers = new List<string> { "Model", "Passed", "Failed", "Latency s", "Tokens/s", "Words/s", "J/response" };
        headers.AddRange(domains.Select(d => $"J/response {d}"));
        if (net)
            headers.Add("J/response net of idle");
        headers.AddRange(["J/token (ratio of totals)", "J/token (mean of ratios)", "Average W"]);
        if (ttft)
            headers.Add("First token s");
        headers.Add("Energy");

        var rows = new List<IReadOnlyList<string>>();
        foreach (var m in OrderedSummaries(run))
        {
            var mark = m.Mark;
            var row = new List<string>
            {
                m.Model, Count(m.Passed), Count(m.Failed),
                MeanCi(Metric(m, MetricNames.LatencyS)),
                MeanCi(Metric(m, MetricNames.TokensPerSecond)),
                MeanCi(Metric(m, MetricNames.WordsPerSecond)),
                MeanCi(Metric(m, MetricNames.JoulesPerResponse), mark),
            };
            row.AddRange(domains.Select(d => MeanCi(Metric(m, MetricNames.ForDomain(MetricNames.JoulesPerResponse, d)), mark)));
            if (net)
                row.Add(MeanCi(Metric(m, MetricNames.JoulesPerResponseNet), mark));
            row.AddRange([Number(m.JoulesPerTokenRatioOfTotals, mark), Number(m.JoulesPerTokenMeanOfRatios, mark), MeanCi(Metric(m, MetricNames.AveragePowerW), mark)]);
            if (ttft)
                row.Add(MeanCi(Metric(m, MetricNames.TimeToFirstTokenS)));
            row.Add(m.Method is not { } method ? "none"
                : m.Meter == run.Manifest.Meter.Meter ? EnergyMethodText.Word(method)
                : $"{EnergyMethodText.Word(method)} ({m.Meter})");
            rows.Add(row);
        }

        return new ReportTable(headers, rows);
    }

    /// <summary>
    /// One row per model and domain, the total first: mean [95% CI] J/response gross and net of idle (when idle was
    /// measured), average W, and the domain's share of the total energy (its mean J over the total's). Null when the
    /// cases carry no domain but the total.
    /// </summary>
    public static ReportTable? Domains(RunData run)
    {
        var domains = run.EnergyDomains;
        if (domains.Count == 0)
            return null;
        // Without an idle measurement (an imported study, Protocol:IdleSeconds 0) there is no net column to show.
        var net = run.Summary.Models.Any(m => m.Metrics.ContainsKey(MetricNames.JoulesPerResponseNet));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var m in OrderedSummaries(run).Where(m => m.Metrics.ContainsKey(MetricNames.JoulesPerResponse)))
        {
            var total = Metric(m, MetricNames.JoulesPerResponse)!.Mean;
            foreach (var domain in domains.Prepend(Metering.Domains.Total))
            {
                string Name(string metric) => domain == Metering.Domains.Total ? metric : MetricNames.ForDomain(metric, domain);
                var joules = Metric(m, Name(MetricNames.JoulesPerResponse));
                if (joules is null)
                    continue;
                var row = new List<string> { m.Model, domain, MeanCi(joules, m.Mark) };
                if (net)
                    row.Add(MeanCi(Metric(m, Name(MetricNames.JoulesPerResponseNet)), m.Mark));
                row.AddRange([MeanCi(Metric(m, Name(MetricNames.AveragePowerW)), m.Mark), total > 0 ? Percent(joules.Mean / total) : ""]);
                rows.Add(row);
            }
        }

        List<string> headers = ["Model", "Domain", "J/response", .. net ? ["J/response net of idle"] : Array.Empty<string>(), "Average W", "Share of total J"];
        return new ReportTable(headers, rows);
    }

    /// <summary>
    /// This run's J/token and J/response per unit (<see cref="Sweep.PublishedPoints"/>: every unit at batch 1, or in a sweep each model's
    /// point at the paper's batch size when it has one), then every published figure.
    /// </summary>
    public static ReportTable Published(RunData run)
    {
        string[] headers = ["Source", "Model", "Hardware", "Batch size", "Components", "J/token", "J/response", "How obtained"];
        var rows = new List<IReadOnlyList<string>>();
        var components = $"{ReportText.Components(run.Manifest.Meter)} ({run.Manifest.Meter.Meter})";
        foreach (var figure in Sweep.PublishedPoints.Of(run))
        {
            var m = figure.Summary;
            var mark = m.Mark;
            var batch = figure.InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var perToken = figure.Steady ? $"J/token at the steady state ({batch} in flight, all slots busy)" : "J/token as ratio of totals";
            var how = m.Method is { } method
                ? $"{EnergyMethodText.Word(method)} {(method == EnergyMethod.Imported ? "from" : "by")} {m.Meter}; {perToken}, J/response mean of {Count(m.Passed)} cases"
                : "no energy recorded";
            rows.Add([$"{ThisRunSource} ({run.RunId})", m.Model, ReportText.ComparedHardware(run), batch, components,
                Number(figure.JoulesPerToken, mark), Number(Metric(m, MetricNames.JoulesPerResponse)?.Mean, mark), how]);
            if (Metric(m, MetricNames.ForDomain(MetricNames.JoulesPerResponse, Metering.Domains.Gpu)) is { } gpu)
            {
                rows.Add([$"{ThisRunSource} ({run.RunId})", m.Model, ReportText.ComparedHardware(run), batch, $"GPU only ({run.Manifest.Meter.Meter})",
                    Number(figure.GpuJoulesPerToken, mark),
                    Number(gpu.Mean, mark), $"{how}; the gpu domain alone, like the GPU-only figures below"]);
            }
        }

        foreach (var p in PublishedFigures.All)
            rows.Add([p.Source, p.Model, p.Hardware, p.BatchSize, p.Components, Number(p.JoulesPerToken), Number(p.JoulesPerResponse), p.HowObtained]);
        return new ReportTable(headers, rows);
    }

    /// <summary>Each figure of the seed study by the study's method and by this project's.</summary>
    public static ReportTable SeedFigures(SeedStudyComparison seed)
    {
        var s = seed.Study;
        var p = seed.Project;
        const string NotComputed = "not computed by the study";
        IReadOnlyList<string>[] rows =
        [
            ["Responses", Count(s.Responses), Count(p.Responses)],
            ["Mean inference time, s", Number(s.MeanInferenceTimeSeconds), MeanCi(p.InferenceTimeSeconds)],
            ["Tokens/s", $"{Number(s.TokensPerSecond)} (mean of ratios)",
                $"{Number(p.TokensPerSecondRatioOfTotals)} (ratio of totals); {Number(p.TokensPerSecondMeanOfRatios)} (mean of ratios)"],
            ["\"Words/s\"", $"{Number(s.WordsPerSecondAsReported)} (characters per second, as reported)",
                $"{Number(p.WordsPerSecond)} real words (mean of ratios); {Number(p.WordsPerSecondRatioOfTotals)} (ratio of totals)"],
            ["GPU energy per response, J", $"{Number(s.GpuEnergyPerResponseJoules)} (rectangle sum of power x 0.1 s)",
                $"{Number(p.GpuEnergyPerResponseJoules)} (integrated over the recorded duration (sample times inferred))"],
            ["All-domains energy per response, J", NotComputed, MeanCi(p.AllDomainsEnergyPerResponse)],
            ["J/token, GPU", NotComputed, $"{Number(p.GpuJoulesPerToken)} (ratio of totals)"],
            ["J/token, all domains", NotComputed, $"{Number(p.AllDomainsJoulesPerToken)} (ratio of totals)"],
            ["Mean GPU power, W", $"{Number(s.MeanGpuPowerWatts)} (mean of per-response means)", $"{Number(p.MeanGpuPowerWatts)} (time-weighted)"],
            ["Sample coverage", "taken as 100% (every sample counted as 0.1 s)", Percent(p.SampleCoverage)],
        ];
        return new ReportTable(["Figure", "The study's method", "This project's method"], rows);
    }

    /// <summary>One row per change of method with the figure before and after it.</summary>
    public static ReportTable SeedDifferences(SeedStudyComparison seed) => new(
        ["Aspect", "Metric", "From", "To", "Relative change"],
        [.. seed.Differences.Select(d => (IReadOnlyList<string>)[d.Aspect, d.Metric, Number(d.From), Number(d.To), SignedPercent(d.RelativeChange)])]);

    /// <summary>Idle power per measurement and domain, in the meter's domain order.</summary>
    public static ReportTable Idle(RunData run)
    {
        var idle = run.Manifest.Idle;
        var domains = run.Manifest.Meter.Domains
            .Concat(idle.SelectMany(i => i.PowerW.Keys).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).Where(d => idle.Any(i => i.PowerW.ContainsKey(d))).ToArray();
        var mark = EnergyMethodText.Mark(run.Manifest.Meter.Method);
        var headers = new List<string> { "Idle window", "Window s" };
        headers.AddRange(domains.Select(d => $"{d} W"));
        headers.AddRange(["Samples", "Coverage"]);
        var rows = idle.Select(i =>
        {
            var row = new List<string> { i.Label, $"{Number(i.StartS)} to {Number(i.EndS)} ({Number(i.EndS - i.StartS)} s)" };
            row.AddRange(domains.Select(d => i.PowerW.TryGetValue(d, out var w) ? mark + Number(w) : ""));
            row.AddRange([Count(i.SampleCount), Percent(i.Coverage)]);
            return (IReadOnlyList<string>)row;
        });
        return new ReportTable(headers, [.. rows]);
    }

    /// <summary>The summaries in the order of <see cref="RunData.Models"/>.</summary>
    public static IEnumerable<ModelSummary> OrderedSummaries(RunData run) =>
        run.Models.Select(name => run.Summary.Models.FirstOrDefault(m => m.Model == name)).OfType<ModelSummary>();

    private static Statistics.SampleStatistics? Metric(ModelSummary m, string name) => m.Metrics.GetValueOrDefault(name);

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

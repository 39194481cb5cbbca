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

    /// <summary>One row per model: counts, then mean [95% CI] of each metric; estimated energy figures carry <c>~</c>.</summary>
    public static ReportTable Summary(RunData run)
    {
        var models = run.Summary.Models;
        var net = models.Any(m => m.Metrics.ContainsKey(MetricNames.JoulesPerResponseNet));
        var ttft = models.Any(m => m.Metrics.ContainsKey(MetricNames.TimeToFirstTokenS));
        var headers = new List<string> { "Model", "Passed", "Failed", "Latency s", "Tokens/s", "Words/s", "J/response" };
        if (net)
            headers.Add("J/response net of idle");
        headers.AddRange(["J/token (ratio of totals)", "J/token (mean of ratios)", "Average W"]);
        if (ttft)
            headers.Add("First token s");
        headers.Add("Energy");

        var rows = new List<IReadOnlyList<string>>();
        foreach (var m in OrderedSummaries(run))
        {
            var mark = m.IsEstimated ? EstimateMark : "";
            var row = new List<string>
            {
                m.Model, Count(m.Passed), Count(m.Failed),
                MeanCi(Metric(m, MetricNames.LatencyS)),
                MeanCi(Metric(m, MetricNames.TokensPerSecond)),
                MeanCi(Metric(m, MetricNames.WordsPerSecond)),
                MeanCi(Metric(m, MetricNames.JoulesPerResponse), mark),
            };
            if (net)
                row.Add(MeanCi(Metric(m, MetricNames.JoulesPerResponseNet), mark));
            row.AddRange([Number(m.JoulesPerTokenRatioOfTotals, mark), Number(m.JoulesPerTokenMeanOfRatios, mark), MeanCi(Metric(m, MetricNames.AveragePowerW), mark)]);
            if (ttft)
                row.Add(MeanCi(Metric(m, MetricNames.TimeToFirstTokenS)));
            row.Add(m.Method is not { } method ? "none"
                : m.Meter == run.Manifest.Meter.Meter ? ReportText.Method(method)
                : $"{ReportText.Method(method)} ({m.Meter})");
            rows.Add(row);
        }

        return new ReportTable(headers, rows);
    }

    /// <summary>This run's J/token (ratio of totals) and J/response per model, then every published figure.</summary>
    public static ReportTable Published(RunData run)
    {
        string[] headers = ["Source", "Model", "Hardware", "Batch size", "Components", "J/token", "J/response", "How obtained"];
        var rows = new List<IReadOnlyList<string>>();
        var components = $"{ReportText.Components(run.Manifest.Meter)} ({run.Manifest.Meter.Meter})";
        foreach (var m in OrderedSummaries(run))
        {
            var mark = m.IsEstimated ? EstimateMark : "";
            var how = m.Method is { } method
                ? $"{ReportText.Method(method)} by {m.Meter}; J/token as ratio of totals, J/response mean of {Count(m.Passed)} cases"
                : "no energy recorded";
            rows.Add([$"{ThisRunSource} ({run.RunId})", m.Model, ReportText.ComparedHardware(run), "1", components,
                Number(m.JoulesPerTokenRatioOfTotals, mark), Number(Metric(m, MetricNames.JoulesPerResponse)?.Mean, mark), how]);
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
                $"{Number(p.GpuEnergyPerResponseJoules)} (integrated over the measured duration (sample times inferred))"],
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
        var mark = run.Manifest.Meter.Method == EnergyMethod.Estimated ? EstimateMark : "";
        var headers = new List<string> { "Measured", "Window s" };
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

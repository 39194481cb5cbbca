using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// Draws the charts of a run report from a <see cref="RunData"/>: the seed study's six per-model bar charts with
/// confidence intervals, time against energy per request, power over time per model, and this run beside the
/// published J/token and J/response figures. Statistics are of passed cases only. The energy-per-response and average-power
/// charts show each domain the cases carry beside the total; the power charts draw each domain's line beside the total's.
/// Every energy chart of a run whose energy is not measured says its method (ESTIMATED, SIMULATED, IMPORTED) in its title
/// and caption (<see cref="ChartText.TitleSuffix"/>, <see cref="ChartText.EnergySource"/>).
/// </summary>
public static class RunCharts
{
    public const string InferenceTime = "inference-time";
    public const string TokensPerSecond = "tokens-per-second";
    public const string WordsPerSecond = "words-per-second";
    public const string ResponsesPerSecond = "responses-per-second";
    public const string AveragePower = "average-power";
    public const string EnergyPerResponse = "energy-per-response";
    public const string TimeVsEnergy = TimeEnergyChart.FileStem;
    public const string PublishedJoulesPerToken = "published-joules-per-token";
    public const string PublishedJoulesPerResponse = "published-joules-per-response";

    /// <summary>
    /// The charts in report order: the six bar charts, time-vs-energy, the runtimes' and streaming charts, a sweep's charts (J/token vs
    /// requests in flight, throughput vs latency, temperature and max tokens vs answer length and J/response), one power chart per
    /// model, the two published comparisons. A chart without any data (no energy, no passed case, no sweep) is left out.
    /// </summary>
    public static IReadOnlyList<RenderedChart> Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suffix = ChartText.TitleSuffix(run.Method);
        var energy = ChartText.EnergySource(run.Manifest.Meter, run.Method);
        var charts = new List<RenderedChart?>
        {
            MetricChart(run, InferenceTime, "Inference time per response", "Inference time (s)", "s", MetricNames.LatencyS, "harness wall time of a request", ""),
            MetricChart(run, TokensPerSecond, "Tokens per second", "Completion tokens per second", "tok/s", MetricNames.TokensPerSecond, "completion tokens per second of wall time", ""),
            MetricChart(run, WordsPerSecond, "Words per second", "Words per second", "words/s", MetricNames.WordsPerSecond, "words per second of wall time", ""),
            ResponsesChart(run),
            MetricChart(run, AveragePower, "Average power during a request" + suffix, "Average power (W)", "W", MetricNames.AveragePowerW, "average power over a request window", energy),
            MetricChart(run, EnergyPerResponse, "Energy per response" + suffix, "Energy per response (J)", "J", MetricNames.JoulesPerResponse, "gross energy of a request window", energy),
            TimeEnergyChart.Render(run),
            RuntimeChart.Render(run),
            StreamPhaseCharts.LatencyChart(run),
            StreamPhaseCharts.PhaseEnergyChart(run),
            InFlightChart.Render(run),
            TradeOffChart.Render(run),
        };
        charts.AddRange(SettingChart.Render(run));
        charts.AddRange(run.Models.Select((m, i) => PowerTimelineChart.Render(run, m, i)));
        charts.Add(PublishedJoulesPerTokenChart(run));
        charts.Add(PublishedJoulesPerResponseChart(run));
        return [.. charts.OfType<RenderedChart>()];
    }

    /// <summary>Each model with passed cases and <paramref name="metric"/>, with its statistics, in run order.</summary>
    private static IEnumerable<(int Index, string Model, SampleStatistics Statistics)> Values(RunData run, string metric) =>
        run.Models
            .Select((m, i) => (Index: i, Model: m, Summary: run.Summary.Models.FirstOrDefault(s => s.Model == m)))
            .Where(x => x.Summary is { Passed: > 0 } && x.Summary.Metrics.ContainsKey(metric))
            .Select(x => (x.Index, x.Model, x.Summary!.Metrics[metric]));

    private static string Counts(IEnumerable<(string Model, int N)> values) =>
        string.Join(", ", values.Select(v => $"{v.Model}: {v.N}"));

    /// <summary>
    /// A bar chart of <paramref name="metric"/> per model; for an energy metric (<paramref name="energySentence"/> given)
    /// of a run whose cases carry domains, a group per model: the total's bar, then each domain's (<see cref="MetricNames.ForDomain"/>).
    /// </summary>
    private static RenderedChart? MetricChart(
        RunData run, string stem, string title, string yLabel, string unit, string metric, string what, string energySentence)
    {
        var totals = Values(run, metric).ToArray();
        if (totals.Length == 0)
            return null;
        var domains = energySentence.Length > 0 ? run.EnergyDomains : [];
        var values = totals.SelectMany(x => domains
                .Select(d => (Domain: d, Statistics: run.Summary.Models.First(s => s.Model == x.Model).Metrics.GetValueOrDefault(MetricNames.ForDomain(metric, d))))
                .Where(d => d.Statistics is not null)
                .Prepend((Domain: Domains.Total, x.Statistics))
                .Select(d => new ModelValue(x.Index, x.Model, d.Statistics!.Mean, d.Statistics.CiLow, d.Statistics.CiHigh, d.Statistics.N, domains.Count > 0 ? d.Domain : null)))
            .ToArray();
        var counts = Counts(totals.Select(x => (x.Model, x.Statistics.N)));
        var bars = domains.Count > 0
            ? $"Bars: for each model, the mean {what} over its passed cases (n = {counts}), the total domain's in the model's colour, then each domain's ({string.Join(", ", domains)}) in lighter tints; "
            : $"Bars: the mean {what} over the passed cases of each model (n = {counts}); ";
        var caption = bars
            + $"error bars: the {ChartText.Percent(totals[0].Statistics.Confidence)} bootstrap confidence interval of the mean."
            + ModelBarChart.NoIntervalSentence(totals.Select(x => (x.Model, x.Statistics.N)))
            + (energySentence.Length > 0 ? " " + energySentence : "");
        return ModelBarChart.Render(stem, title, yLabel, unit, caption, values);
    }

    private static RenderedChart? ResponsesChart(RunData run)
    {
        var latencies = Values(run, MetricNames.LatencyS).Where(x => x.Statistics.Mean > 0 && x.Statistics.CiLow > 0).ToArray();
        if (latencies.Length == 0)
            return null;
        var values = latencies
            .Select(x => new ModelValue(x.Index, x.Model, 1 / x.Statistics.Mean, 1 / x.Statistics.CiHigh, 1 / x.Statistics.CiLow, x.Statistics.N))
            .ToArray();
        var caption = $"Bars: 1 / the mean inference time over the passed cases of each model (n = {Counts(values.Select(v => (v.Model, v.N)))}), as there is no per-case "
            + $"responses/s; error bars: the {ChartText.Percent(latencies[0].Statistics.Confidence)} bootstrap confidence interval of the mean "
            + "inference time, inverted (1 / upper bound, 1 / lower bound)."
            + ModelBarChart.NoIntervalSentence(values.Select(v => (v.Model, v.N)));
        return ModelBarChart.Render(ResponsesPerSecond, "Responses per second", "Responses per second", "resp/s", caption, values);
    }

    /// <summary>"This run: model, hardware, batch 1, cpu+gpu+ane (powermetrics)", with ", ESTIMATED" (SIMULATED, IMPORTED) when it is.</summary>
    private static string ThisRunLabel(RunData run, string model, int batch)
    {
        var label = $"This run: {model}, {ReportText.ComparedHardware(run)}, batch {batch.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {ChartText.Components(run.Manifest.Meter)} ({run.Manifest.Meter.Meter})";
        return run.Method == EnergyMethod.Measured ? label : $"{label}, {EnergyMethodText.Word(run.Method)}";
    }

    private static string PublishedCaption(RunData run, string what) =>
        $"{what} Published figures from {PublishedFigures.Paper}, the {PublishedFigures.SeedStudy} and, for scale, "
        + $"{PublishedFigures.GreenTokenIndex} and {PublishedFigures.MlEnergy}; the paper's are read off its charts (about ±10%). "
        + Sweep.PublishedPoints.ChartSentence(run) + " " + ChartText.EnergySource(run.Manifest.Meter, run.Method);

    private static RenderedChart? PublishedJoulesPerTokenChart(RunData run)
    {
        var figures = Sweep.PublishedPoints.Of(run).Where(f => f.Summary.Passed > 0 && f.JoulesPerToken is > 0).ToArray();
        var ours = figures.Select(f => new PublishedBar(ThisRunLabel(run, f.Summary.Model, f.InFlight), f.JoulesPerToken!.Value, null, null, ChartPalette.ThisRunHex));
        var published = PublishedFigures.All
            .Where(f => f.JoulesPerToken is > 0)
            .Select(f => new PublishedBar(f.Label, f.JoulesPerToken!.Value, null, null, ChartPalette.HexForSource(f.Source)));
        PublishedBar[] rows = [.. ours, .. published];
        if (!rows.Any(r => r.Hex == ChartPalette.ThisRunHex))
            return null;
        var title = "Energy per output token: this run and published figures" + ChartText.TitleSuffix(run.Method);
        var bars = figures.Any(f => f.Steady)
            ? "This run's bars: at the paper's batch size, the steady-state J/token (energy over the interval when all slots were busy / tokens generated in it) where reached; otherwise total joules / total completion tokens over the unit's passed cases (ratio of totals)."
            : "This run's bars: total joules / total completion tokens over each model's passed cases (ratio of totals).";
        var caption = PublishedCaption(run, bars);
        return PublishedComparisonChart.Render(PublishedJoulesPerToken, title, "Joules per output token (J)", "J/token", caption, rows);
    }

    private static RenderedChart? PublishedJoulesPerResponseChart(RunData run)
    {
        var batches = Sweep.PublishedPoints.Of(run).ToDictionary(f => f.Summary.Model, f => f.InFlight, StringComparer.Ordinal);
        var values = Values(run, MetricNames.JoulesPerResponse).Where(x => x.Statistics.Mean > 0 && batches.ContainsKey(x.Model)).ToArray();
        // A bar gets an error bar only from two cases up with a positive lower bound (the axis is logarithmic).
        static bool HasInterval(SampleStatistics s) => s.N >= ModelBarChart.MinimumForInterval && s.CiLow > 0;
        var ours = values
            .Select(x => new PublishedBar(
                ThisRunLabel(run, x.Model, batches[x.Model]), x.Statistics.Mean,
                HasInterval(x.Statistics) ? x.Statistics.CiLow : null, HasInterval(x.Statistics) ? x.Statistics.CiHigh : null,
                ChartPalette.ThisRunHex))
            .ToArray();
        if (ours.Length == 0)
            return null;
        var published = PublishedFigures.All
            .Where(f => f.JoulesPerResponse is > 0)
            .Select(f => new PublishedBar(f.Label, f.JoulesPerResponse!.Value, null, null, ChartPalette.HexForSource(f.Source)));
        var confidence = Values(run, MetricNames.JoulesPerResponse).First().Statistics.Confidence;
        var title = "Energy per response: this run and published figures" + ChartText.TitleSuffix(run.Method);
        var caption = PublishedCaption(
            run,
            $"This run's bars: the mean gross energy of a request window over each model's passed cases; error bars: the {ChartText.Percent(confidence)} bootstrap confidence interval of the mean."
            + ModelBarChart.NoIntervalSentence(values.Select(v => (v.Model, v.Statistics.N))));
        return PublishedComparisonChart.Render(PublishedJoulesPerResponse, title, "Joules per response (J)", "J", caption, [.. ours, .. published]);
    }
}

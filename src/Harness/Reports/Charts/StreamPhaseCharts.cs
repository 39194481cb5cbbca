using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// Two grouped bar charts per unit (<see cref="ModelBarChart"/>, a bar per series instead of per domain): TTFT, ITL p50 and
/// ITL p95 (mean over requests of each request's percentile), and prefill J per prompt token beside decode J per output
/// token (by the split at the first token, and by the prefill pass when it ran). Each bar is a mean over the passed cases
/// that have the figure, with its bootstrap confidence interval; a chart no unit has a figure for is left out.
/// </summary>
internal static class StreamPhaseCharts
{
    public const string Latency = "ttft-and-itl";
    public const string PhaseEnergy = "prefill-decode-joules-per-token";

    /// <summary>The TTFT and ITL chart; null when no unit has an ITL.</summary>
    public static RenderedChart? LatencyChart(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        (string Metric, string Label)[] series = [(MetricNames.TimeToFirstTokenS, "TTFT"), (MetricNames.ItlP50S, "ITL p50"), (MetricNames.ItlP95S, "ITL p95")];
        var values = Values(run, series);
        if (!values.Any(v => v.Domain != "TTFT"))
            return null;
        var caption = "Bars: for each unit, the mean over its passed cases of the time to first token and of each request's median and 95th-percentile "
            + $"inter-token gap (n = {Counts(values)}); error bars: the 95% bootstrap confidence interval of the mean. Times on the harness's clock."
            + ModelBarChart.NoIntervalSentence(values.Select(v => (v.Model, v.N)));
        return ModelBarChart.Render(Latency, "Time to first token and inter-token latency", "Seconds", "s", caption, values);
    }

    /// <summary>The prefill vs decode J/token chart; null when no unit has either figure.</summary>
    public static RenderedChart? PhaseEnergyChart(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        (string Metric, string Label)[] series =
        [
            (MetricNames.PrefillJoulesPerPromptToken, "prefill"),
            (MetricNames.DecodeJoulesPerOutputToken, "decode"),
            (MetricNames.PassPrefillJoulesPerPromptToken, "prefill (pass)"),
            (MetricNames.PassDecodeJoulesPerOutputToken, "decode (pass)"),
        ];
        var values = Values(run, series);
        if (values.Length == 0)
            return null;
        var caption = "Bars: for each unit, the mean over its passed cases of prefill's gross joules per prompt token and decode's per output token after the first "
            + $"(n = {Counts(values)}): 'prefill'/'decode' split each request's window at its first token (a phase shorter than 2 meter intervals is left out), "
            + "'(pass)' from a prefill pass of the prompt with max tokens 1, decode = full - pass; error bars: the 95% bootstrap confidence interval of the mean."
            + ModelBarChart.NoIntervalSentence(values.Select(v => (v.Model, v.N)))
            + " " + ChartText.EnergySource(run.Manifest.Meter, run.Method);
        return ModelBarChart.Render(PhaseEnergy, "Energy per token: prefill vs decode" + ChartText.TitleSuffix(run.Method), "Joules per token (J)", "J/tok", caption, values);
    }

    private static ModelValue[] Values(RunData run, IReadOnlyList<(string Metric, string Label)> series) =>
    [
        .. run.Models
            .Select((m, i) => (Index: i, Model: m, Summary: run.Summary.Models.FirstOrDefault(s => s.Model == m)))
            .Where(x => x.Summary is { Passed: > 0 })
            .SelectMany(x => series
                .Select((s, i) => (s.Metric, s.Label, Order: i))
                .Where(s => x.Summary!.Metrics.ContainsKey(s.Metric))
                .Select(s => (x, s.Label, s.Order, Statistics: x.Summary!.Metrics[s.Metric])))

            // Series first in their own order, so a unit lacking the first series does not reorder the legend.
            .OrderBy(v => v.Order)
            .Select(v => new ModelValue(v.x.Index, v.x.Model, v.Statistics.Mean, v.Statistics.CiLow, v.Statistics.CiHigh, v.Statistics.N, v.Label)),
    ];

    private static string Counts(IEnumerable<ModelValue> values) =>
        string.Join(", ", values.Select(v => $"{v.Model} {v.Domain}: {v.N}"));
}

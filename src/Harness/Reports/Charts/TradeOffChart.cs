using ScottPlot;
using SlmEnergyBench.Harness.Reports.Sweep;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// The trade-off curve: throughput (output tokens/s of all requests together) against latency per request (mean E2E s), one point per
/// sweep point, the points of a runtime x model joined in order of requests in flight and labelled with that number. Throughput is
/// the steady state's where reached (filled marker), else the point's whole window's (open marker; one request at a time: Σ tokens / Σ s).
/// </summary>
internal static class TradeOffChart
{
    public const string FileStem = "throughput-vs-latency";

    /// <summary>The lines: one per runtime x model (and other settings), points ordered by requests in flight; empty without an in-flight axis.</summary>
    public static IReadOnlyList<SweepLine> Lines(RunData run) => InFlightLines.Of(run, Mark);

    /// <summary>Draws the chart; null when the run has no overlapping point and one in-flight count only, or no point has the figures.</summary>
    public static RenderedChart? Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = Lines(run);
        if (lines.Count == 0)
            return null;

        const string Title = "Throughput vs latency per request (the trade-off curve)";
        var plot = ChartCanvas.Create(Title, "Latency per request, mean E2E (s)", "Throughput, all requests together (output tokens/s)");
        SweepMarks.AddLines(plot, lines, p => p.X, p => p.Y);

        plot.Axes.Margins(0.1, 0.12);
        plot.Legend.ManualItems.AddRange(SweepMarks.Legend("steady-state throughput (all slots busy)", "throughput over the whole point (ramp-up and drain included, or one request at a time)"));
        plot.ShowLegend(Edge.Bottom);
        const string Caption = "Each point is one sweep point, labelled with its requests in flight (concurrency or batch size) and joined in that order: "
            + "across, the mean end-to-end latency of its passed requests; up, the output tokens per second of all its requests together, over the "
            + "steady-state interval where reached (filled) or over the point's whole window (open; a point of one request at a time: Σ tokens / Σ wall s). "
            + "Up and left is better: more tokens per second for each request's wait.";
        return ChartCanvas.Render(plot, FileStem, Title, Caption, [.. lines.Select(l => l.Label)], 900, 540 + (24 * lines.Count));
    }

    private static SweepMark? Mark(SweepRow r)
    {
        if (r.Summary?.Metrics.GetValueOrDefault(MetricNames.LatencyS)?.Mean is not { } latency || latency <= 0)
            return null;
        var label = InFlightLines.Label(r);
        if (r.SteadyTokensPerSecond is > 0 and var steady)
            return new SweepMark(latency, steady, true, label);
        return r.WindowTokensPerSecond is > 0 and var window ? new SweepMark(latency, window, false, label) : null;
    }
}

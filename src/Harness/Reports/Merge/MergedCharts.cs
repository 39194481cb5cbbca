using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The merged report's charts, each with the machine as its series (<see cref="MachineBarChart"/>): energy per response, J/token,
/// tokens per second, average power and inference time, by model. Every energy chart says in its title when some machine's figures
/// are not measured, and in its caption each machine's meter, domains and method.
/// </summary>
public static class MergedCharts
{
    public const string EnergyPerResponse = "machines-energy-per-response";
    public const string JoulesPerToken = "machines-joules-per-token";
    public const string TokensPerSecond = "machines-tokens-per-second";
    public const string AveragePower = "machines-average-power";
    public const string InferenceTime = "machines-inference-time";

    private const string Interval = "error bars: the 95% bootstrap confidence interval of the mean (none where a machine has fewer than two passed cases).";

    /// <summary>The charts in report order; a chart no machine has a figure for is left out.</summary>
    public static IReadOnlyList<RenderedChart> Render(MergedRuns merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var suffix = EnergySuffix(merged);
        RenderedChart?[] charts =
        [
            Metric(merged, EnergyPerResponse, "Energy per response by machine" + suffix, "Energy per response (J)", "J", MetricNames.JoulesPerResponse,
                "each machine's mean gross energy per response (the total domain of its own meter) over its passed cases; " + Interval, energy: true),
            Ratio(merged, JoulesPerToken, "Energy per token by machine" + suffix, "Energy per token (J)", "J",
                "each machine's J/token as the ratio of totals (its passed cases' joules over their completion tokens, total domain of its own meter); "
                + "a ratio of totals has no error bar."),
            Metric(merged, TokensPerSecond, "Tokens per second by machine", "Completion tokens per second", "tok/s", MetricNames.TokensPerSecond,
                "each machine's mean completion tokens per second of wall time over its passed cases; " + Interval, energy: false),
            Metric(merged, AveragePower, "Average power during a request by machine" + suffix, "Average power (W)", "W", MetricNames.AveragePowerW,
                "each machine's mean power over a request window (total domain of its own meter) over its passed cases; " + Interval, energy: true),
            Metric(merged, InferenceTime, "Inference time per response by machine", "Inference time (s)", "s", MetricNames.LatencyS,
                "each machine's mean harness wall time of a request over its passed cases; " + Interval, energy: false),
        ];
        return [.. charts.OfType<RenderedChart>()];
    }

    /// <summary>
    /// The energy charts' title suffix: the method's (<see cref="ChartText.TitleSuffix"/>) when every machine has the same one,
    /// " (methods differ by machine: see the legend)" when they differ.
    /// </summary>
    public static string EnergySuffix(MergedRuns merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var methods = merged.Machines.Select(m => m.Method).Distinct().ToArray();
        return methods.Length == 1 ? ChartText.TitleSuffix(methods[0]) : " (methods differ by machine: see the legend)";
    }

    /// <summary>
    /// "Bars: for each model, &lt;what&gt; One colour per machine: A (SIMULATED); B (IMPORTED)." For an energy chart each machine's meter and
    /// domains follow its legend, then, when they differ between machines, that such bars are not directly comparable.
    /// </summary>
    private static string Caption(MergedRuns merged, string what, bool energy)
    {
        var each = merged.Machines.Select(m => energy ? $"{m.Legend}: {m.Meter.Meter} over {m.Components}" : m.Legend);
        var differ = energy && merged.Machines.Select(m => (m.Meter.Meter, m.Components, m.Method)).Distinct().Count() > 1
            ? " Bars of machines with different meters, domains or methods are not directly comparable (see the note under the summary)."
            : "";
        return $"Bars: for each model, {what} One colour per machine: {string.Join("; ", each)}.{differ}";
    }

    private static RenderedChart? Metric(MergedRuns merged, string stem, string title, string yLabel, string unit, string metric, string what, bool energy)
    {
        var models = merged.Models;
        var bars = merged.Rows
            .Where(r => r.Summary.Metrics.ContainsKey(metric))
            .Select(r =>
            {
                var s = r.Summary.Metrics[metric];
                return s.N >= 2
                    ? new MachineBar(Index(models, r), r.Machine, s.Mean, s.CiLow, s.CiHigh, energy ? r.Summary.Mark : "")
                    : new MachineBar(Index(models, r), r.Machine, s.Mean, null, null, energy ? r.Summary.Mark : "");
            })
            .ToArray();
        return MachineBarChart.Render(stem, title, yLabel, unit, Caption(merged, what, energy), models, merged.Machines, bars);
    }

    private static RenderedChart? Ratio(MergedRuns merged, string stem, string title, string yLabel, string unit, string what)
    {
        var models = merged.Models;
        var bars = merged.Rows
            .Where(r => r.Summary.JoulesPerTokenRatioOfTotals is not null)
            .Select(r => new MachineBar(Index(models, r), r.Machine, r.Summary.JoulesPerTokenRatioOfTotals!.Value, null, null, r.Summary.Mark))
            .ToArray();
        return MachineBarChart.Render(stem, title, yLabel, unit, Caption(merged, what, energy: true), models, merged.Machines, bars);
    }

    private static int Index(IReadOnlyList<string> models, MachineModel row) => models.ToList().IndexOf(row.Summary.Model);
}

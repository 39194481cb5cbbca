using System.Globalization;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>
/// The Sweep section's table: per runtime x model, one row per point with its settings, counts, mean answer length, J/response
/// (mean [95% CI] of the attributed energies), J/token (ratio of totals of the attributed energies), the steady state (interval,
/// gross and net J/token, tok/s, or why it was not reached), TTFT, latency and ITL p50 under load, and the attribution's check.
/// </summary>
internal static class SweepTable
{
    /// <summary>What the table's figures are, for the note under it.</summary>
    public const string Note =
        "One row per point. J/response is the mean [95% bootstrap CI] over the passed requests; at a point with more than one request in flight each " +
        "request's energy is its attributed share of the point's window (" + Sweeps.EnergyAttribution.ByActiveTime + "), and J/token is the ratio of " +
        "the totals of those shares (Σ J / Σ output tokens). The steady state is the interval when all slots were busy generating (from the last slot's first " +
        "token to when the first slot drains): its J/token is the energy inside it over the tokens generated inside it, gross and net of idle, " +
        "and its tok/s the throughput of all slots together; 'one request at a time' marks a point without overlap. TTFT, latency (E2E) and ITL p50 " +
        "are means over the passed requests, measured under the point's load. Attributed vs window: the sum of the requests' attributed joules against " +
        "the point's window's, with their difference.";

    /// <summary>The table, without the columns no row has a figure in; null when the run does not sweep (<see cref="SweepRows.Applies"/>).</summary>
    public static ReportTable? Of(RunData run)
    {
        var rows = SweepRows.Of(run);
        if (rows.Count == 0)
            return null;
        string[] headers =
        [
            "Model", "Point", "Settings", "Passed", "Failed", "Output tokens", "J/response", "J/token (ratio of totals)",
            "Steady state s", "Steady J/token", "Steady J/token net of idle", "Steady tok/s",
            "TTFT s", "Latency s", "ITL p50 s", "Attributed J vs window J",
        ];
        var cells = rows.Select(Row).ToArray();

        // A figure no point has (ITL without streaming, net without idle, the check without overlap) is left out.
        var kept = Enumerable.Range(0, headers.Length).Where(i => cells.Any(r => r[i].Length > 0)).ToArray();
        return new ReportTable([.. kept.Select(i => headers[i])], [.. cells.Select(r => (IReadOnlyList<string>)[.. kept.Select(i => r[i])])]);
    }

    private static IReadOnlyList<string> Row(SweepRow r)
    {
        var s = r.Summary;
        var mark = s?.Mark ?? "";
        var point = r.PointMark;
        return
        [
            r.Series,
            r.Point.Label.Length == 0 ? "(the run's one point)" : r.Point.Label,
            r.Point.Describe(r.InProcess),
            Integer(s?.Passed ?? 0),
            Integer(s?.Failed ?? 0),
            Number(r.MeanOutputTokens),
            MeanCi(s?.Metrics.GetValueOrDefault(MetricNames.JoulesPerResponse), mark),
            Number(s?.JoulesPerTokenRatioOfTotals, mark),
            r.SteadyDurationS is { } d ? Number(d) : r.NotReachedReason is { } why ? "not reached: " + why : "one request at a time",
            Number(r.SteadyJoulesPerToken(), point),
            Number(r.SteadyNetJoulesPerToken, point),
            Number(r.SteadyTokensPerSecond),
            MeanCi(s?.Metrics.GetValueOrDefault(MetricNames.TimeToFirstTokenS)),
            MeanCi(s?.Metrics.GetValueOrDefault(MetricNames.LatencyS)),
            MeanCi(s?.Metrics.GetValueOrDefault(MetricNames.ItlP50S)),
            r.AttributionCheck is { } check
                ? $"{point}{Number(check.Attributed)} vs {point}{Number(check.Window)} ({Difference(check.Attributed, check.Window)})"
                : "",
        ];
    }

    /// <summary>(a - b) / b as a signed percentage with two decimals, e.g. <c>+0.04%</c>: fine enough to show a 0.1% check.</summary>
    public static string Difference(double a, double b) =>
        b != 0 && double.IsFinite(a / b) ? ((a - b) / b * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : "NA";

    private static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);
}

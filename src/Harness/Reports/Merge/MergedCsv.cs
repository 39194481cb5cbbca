using System.Text;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// <c>summaries.csv</c>: one row per (model, machine) of a merged report (<see cref="MergedRuns.Rows"/>), RFC 4180 as
/// <see cref="CasesCsv"/>, numbers that read back exactly. Per metric its mean, then <c>_ci_low</c> and <c>_ci_high</c> (the 95%
/// bootstrap interval; empty with fewer than two values): <c>latency_s</c>, <c>time_to_first_token_s</c>, <c>tokens_per_s</c>,
/// <c>words_per_s</c>, <c>energy_j</c> (J/response, total domain), <c>energy_&lt;domain&gt;_j</c> for each domain any machine has,
/// <c>average_power_w</c>; then <c>joules_per_token_ratio_of_totals</c> and <c>joules_per_token_mean_of_ratios</c>. <c>method</c>
/// is the row's (<see cref="EnergyMethodText.Stored"/>); a missing value is an empty field.
/// </summary>
public static class MergedCsv
{
    public const string FileName = "summaries.csv";

    public static string Render(MergedRuns merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var domains = MergedTables.Domains(merged);
        var metrics = new List<(string Column, string Metric)>
        {
            ("latency_s", MetricNames.LatencyS), ("time_to_first_token_s", MetricNames.TimeToFirstTokenS), ("tokens_per_s", MetricNames.TokensPerSecond),
            ("words_per_s", MetricNames.WordsPerSecond), ("energy_j", MetricNames.JoulesPerResponse),
        };
        metrics.AddRange(domains.Select(d => (CasesCsv.EnergyColumn(d), MetricNames.ForDomain(MetricNames.JoulesPerResponse, d))));
        metrics.Add(("average_power_w", MetricNames.AveragePowerW));

        var header = new List<string> { "machine", "run_id", "run", "model", "runtime", "meter", "domains", "method", "passed", "failed" };
        header.AddRange(metrics.SelectMany(m => (string[])[m.Column, m.Column + "_ci_low", m.Column + "_ci_high"]));
        header.AddRange(["joules_per_token_ratio_of_totals", "joules_per_token_mean_of_ratios"]);

        var csv = new StringBuilder();
        CasesCsv.AppendRow(csv, header);
        foreach (var (machine, s) in merged.Rows.Select(r => (r.Machine, r.Summary)))
        {
            var row = new List<string>
            {
                machine.Label, machine.Run.RunId, machine.Given, s.ModelName ?? s.Model, s.Runtime ?? "", s.Meter ?? machine.Meter.Meter,
                string.Join(" ", s.Domains.Count > 0 ? s.Domains : machine.Meter.Domains.Where(d => d != Domains.Total)),
                s.Method is { } method ? EnergyMethodText.Stored(method) : "", Integer(s.Passed), Integer(s.Failed),
            };
            row.AddRange(metrics.SelectMany(m => Statistic(s.Metrics.GetValueOrDefault(m.Metric))));
            row.AddRange([RoundTrip(s.JoulesPerTokenRatioOfTotals), RoundTrip(s.JoulesPerTokenMeanOfRatios)]);
            CasesCsv.AppendRow(csv, row);
        }

        return csv.ToString();
    }

    private static string[] Statistic(SampleStatistics? x) =>
        x is null ? ["", "", ""] : [RoundTrip(x.Mean), x.N >= 2 ? RoundTrip(x.CiLow) : "", x.N >= 2 ? RoundTrip(x.CiHigh) : ""];

    private static string Integer(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

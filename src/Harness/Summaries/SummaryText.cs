using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// A model summary as a few lines for test output, formatted with the invariant culture: the total domain's energy
/// figures, each followed by every domain's (e.g. <c>J/response gpu</c>).
/// </summary>
/// <remarks>An estimate is never shown as a measurement: each energy figure carries <c>~</c> and the method says ESTIMATED
/// (SIMULATED, IMPORTED likewise: see <see cref="Metering.EnergyMethodText"/>).</remarks>
public static class SummaryText
{
    private static readonly (string Metric, string Label, bool Energy)[] Lines =
    [
        (MetricNames.LatencyS, "latency s", false),
        (MetricNames.TokensPerSecond, "tokens/s", false),
        (MetricNames.WordsPerSecond, "words/s", false),
        (MetricNames.TimeToFirstTokenS, "first token s", false),
        (MetricNames.PrefillS, "prefill s", false),
        (MetricNames.DecodeS, "decode s", false),
        (MetricNames.ItlP50S, "ITL p50 s (mean over requests)", false),
        (MetricNames.ItlP95S, "ITL p95 s (mean over requests)", false),
        (MetricNames.ItlMaxS, "ITL max s", false),
        (MetricNames.TimePerOutputTokenS, "TPOT s", false),
        (MetricNames.DecodeTokensPerSecond, "decode tokens/s", false),
        (MetricNames.PrefillJoulesPerPromptToken, "prefill J/prompt token", true),
        (MetricNames.DecodeJoulesPerOutputToken, "decode J/output token", true),
        (MetricNames.PassPrefillJoulesPerPromptToken, "prefill pass: prefill J/prompt token", true),
        (MetricNames.PassDecodeJoulesPerOutputToken, "prefill pass: decode J/output token", true),
        (MetricNames.JoulesPerResponse, "J/response", true),
        (MetricNames.JoulesPerResponseNet, "J/response net of idle", true),
        (MetricNames.JoulesPerTokenMeanOfRatios, "J/token per case", true),
        (MetricNames.AveragePowerW, "average W", true),
        (MetricNames.PeakPowerW, "peak W", true),
    ];

    public static string Format(ModelSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mark = summary.Mark;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{summary.Model}: {summary.Passed} cases");
        if (summary.Failed > 0)
            s.Append(CultureInfo.InvariantCulture, $" (+{summary.Failed} failed, left out)");
        if (summary.Metrics.TryGetValue(MetricNames.LatencyS, out var latency))
            s.Append(" | latency mean ").Append(Mean(latency, "")).Append(" s");
        if (summary.Metrics.TryGetValue(MetricNames.JoulesPerResponse, out var joules))
            s.Append(" | J/response ").Append(Mean(joules, mark));
        if (summary.JoulesPerTokenRatioOfTotals is { } ratioOfTotals && summary.JoulesPerTokenMeanOfRatios is { } meanOfRatios)
            s.Append(CultureInfo.InvariantCulture, $" | J/token {mark}{Number(ratioOfTotals)} (ratio of totals), {mark}{Number(meanOfRatios)} (mean of ratios)");
        s.Append(" | ").Append(summary.Method is { } method ? $"{Metering.EnergyMethodText.Word(method)} ({summary.Meter})" : "no energy");

        foreach (var (metric, label, energy) in Lines)
        {
            var m = energy ? mark : "";
            AppendLine(s, summary, metric, label, m);
            if (MetricNames.PerDomain.Contains(metric))
            {
                foreach (var domain in summary.Domains)
                    AppendLine(s, summary, MetricNames.ForDomain(metric, domain), $"{label} {domain}", m);
            }
        }

        return s.ToString();
    }

    private static void AppendLine(StringBuilder s, ModelSummary summary, string metric, string label, string m)
    {
        if (summary.Metrics.TryGetValue(metric, out var x))
        {
            s.Append('\n').Append(CultureInfo.InvariantCulture,
                $"  {label}: mean {Mean(x, m)} median {m}{Number(x.Median)} sd {Number(x.StandardDeviation)} p5 {m}{Number(x.P5)} p95 {m}{Number(x.P95)}");
            // Streaming and phase figures are taken over the cases that have them: say how many when not all.
            if (x.N != summary.Passed)
                s.Append(CultureInfo.InvariantCulture, $" (n = {x.N} of {summary.Passed})");
        }
    }

    private static string Mean(SampleStatistics x, string mark) =>
        $"{mark}{Number(x.Mean)} [{mark}{Number(x.CiLow)}, {mark}{Number(x.CiHigh)}]";

    /// <summary>Three decimals from 1 up, three significant digits below, so small J/token figures keep their digits.</summary>
    internal static string Number(double value) =>
        double.IsNaN(value) ? "NA"
        : value == 0 || Math.Abs(value) >= 1 ? value.ToString("0.###", CultureInfo.InvariantCulture)
        : value.ToString("G3", CultureInfo.InvariantCulture);
}

using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// The reports' table of streaming timings and prefill/decode energy per unit: mean [95% CI] of TTFT, ITL p50/p95 (each the
/// mean over requests of the request's percentile), ITL max, TPOT, decode tokens/s, and J per prompt token (prefill) and per
/// output token (decode) by each method present. A column no unit has is left out; the table is null when none is left.
/// </summary>
internal static class StreamPhaseTable
{
    private static readonly (string Metric, string Header, bool Energy)[] Columns =
    [
        (MetricNames.TimeToFirstTokenS, "TTFT s", false),
        (MetricNames.ItlP50S, "ITL p50 s", false),
        (MetricNames.ItlP95S, "ITL p95 s", false),
        (MetricNames.ItlMaxS, "ITL max s", false),
        (MetricNames.TimePerOutputTokenS, "TPOT s", false),
        (MetricNames.DecodeTokensPerSecond, "Decode tok/s", false),
        (MetricNames.PrefillJoulesPerPromptToken, "Prefill J/prompt token (split)", true),
        (MetricNames.DecodeJoulesPerOutputToken, "Decode J/output token (split)", true),
        (MetricNames.PassPrefillJoulesPerPromptToken, "Prefill J/prompt token (prefill pass)", true),
        (MetricNames.PassDecodeJoulesPerOutputToken, "Decode J/output token (prefill pass)", true),
    ];

    /// <summary>What the table's figures are, for the sentence above it.</summary>
    public const string Intro =
        "Streaming timings on the harness's clock (TTFT to the first content-bearing chunk; ITL the gaps between chunks; TPOT = (E2E - TTFT) / (output tokens - 1)) " +
        "and energy per token of each phase: split = the request's window split at its first token, each phase counted only when it spans at least 2 meter intervals; " +
        "prefill pass = the prompt again with max tokens 1, decode = full - pass. Decode J/output token counts the tokens after the first. " +
        "Each figure is the mean over the passed cases that have it, with its 95% bootstrap interval.";

    /// <summary>One row per unit with any of the figures; null when no unit has one.</summary>
    public static ReportTable? Of(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var summaries = ReportTables.OrderedSummaries(run).ToArray();
        var columns = Columns.Skip(1).Any(c => summaries.Any(m => m.Metrics.ContainsKey(c.Metric)))
            ? Columns.Where(c => summaries.Any(m => m.Metrics.ContainsKey(c.Metric))).ToArray()
            : [];
        if (columns.Length == 0)
            return null;
        var rows = summaries
            .Where(m => columns.Any(c => m.Metrics.ContainsKey(c.Metric)))
            .Select(m => (IReadOnlyList<string>)[m.Model, .. columns.Select(c => MeanCi(m.Metrics.GetValueOrDefault(c.Metric), c.Energy ? m.Mark : ""))])
            .ToArray();
        return new ReportTable(["Model", .. columns.Select(c => c.Header)], rows);
    }
}

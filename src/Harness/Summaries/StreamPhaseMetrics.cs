using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// The streaming timings (ITL p50, p95 and max, TPOT, decode rate) and the prefill/decode J/token of a unit's passed cases, as
/// <see cref="SampleStatistics"/> (mean with its bootstrap confidence interval). Unlike the other metrics, each is taken over the
/// cases that have it (a one-token answer has no ITL, a phase too short for the meter no J/token, a case of a backend that does
/// not stream no split): <see cref="SampleStatistics.N"/> says how many; a metric no case has is absent.
/// </summary>
internal static class StreamPhaseMetrics
{
    private static readonly (string Metric, Func<CaseRecord, double?> Value)[] Metrics =
    [
        (MetricNames.ItlP50S, c => Stream(c)?.ItlP50S),
        (MetricNames.ItlP95S, c => Stream(c)?.ItlP95S),
        (MetricNames.ItlMaxS, c => Stream(c)?.ItlMaxS),
        (MetricNames.TimePerOutputTokenS, c => Stream(c)?.TimePerOutputTokenS),
        (MetricNames.DecodeTokensPerSecond, c => Stream(c)?.DecodeTokensPerSecond),
        (MetricNames.PrefillJoulesPerPromptToken, c => c.Phases?.Split?.Prefill.JoulesPerToken),
        (MetricNames.DecodeJoulesPerOutputToken, c => c.Phases?.Split?.Decode.JoulesPerToken),
        (MetricNames.PassPrefillJoulesPerPromptToken, c => c.Phases?.Pass?.Prefill.JoulesPerToken),
        (MetricNames.PassDecodeJoulesPerOutputToken, c => c.Phases?.Pass?.Decode.JoulesPerToken),
    ];

    /// <summary>Adds each metric some of <paramref name="passed"/> have to <paramref name="metrics"/>, bootstrap seeded with <paramref name="seed"/>.</summary>
    public static void AddTo(Dictionary<string, SampleStatistics> metrics, IReadOnlyList<CaseRecord> passed, int seed)
    {
        foreach (var (metric, value) in Metrics)
        {
            double[] values = [.. passed.Select(value).OfType<double>().Where(double.IsFinite)];
            if (values.Length > 0)
                metrics[metric] = SampleStatistics.Of(values, seed);
        }
    }

    private static StreamTimings? Stream(CaseRecord c) => c.Completion?.Stream;
}

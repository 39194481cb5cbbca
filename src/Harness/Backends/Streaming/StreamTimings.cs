using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Backends.Streaming;

/// <summary>
/// A streamed request's timings on the session clock, by the field's definitions (shared/reference/serving-metrics.md,
/// following vLLM's benchmark and GenAI-Perf): TTFT from sending the request to the first content-bearing chunk; ITL as
/// the gaps between consecutive content-bearing chunks (chunk gaps, not divided by the tokens a chunk carries: see
/// <see cref="ItlRule"/>); TPOT = (E2E - TTFT) / (output tokens - 1); decode rate = (output tokens - 1) / (E2E - TTFT).
/// All times in seconds.
/// </summary>
public sealed record StreamTimings
{
    /// <summary>How ITL is measured here: the gap between consecutive content-bearing chunks.</summary>
    public const string ChunkGapRule = "chunk gaps: the time between consecutive content-bearing chunks, not divided by the tokens a chunk carries";

    /// <summary>Seconds from sending the request to the first content-bearing chunk (TTFT).</summary>
    public required double TimeToFirstTokenS { get; init; }

    /// <summary>Seconds from sending the request to its last byte (E2E latency).</summary>
    public required double EndToEndS { get; init; }

    /// <summary>Arrival of each content-bearing chunk, s after the request was sent (first = <see cref="TimeToFirstTokenS"/>), rounded to 1 µs.</summary>
    public required IReadOnlyList<double> ChunkOffsetsS { get; init; }

    /// <summary>Output tokens each chunk carried, same length as <see cref="ChunkOffsetsS"/>.</summary>
    public required IReadOnlyList<int> ChunkTokens { get; init; }

    /// <summary>Output tokens used for <see cref="TimePerOutputTokenS"/> and <see cref="DecodeTokensPerSecond"/>.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Where <see cref="OutputTokens"/> came from: the server's usage/eval count, or the chunks counted by the harness.</summary>
    public required TokenCountSource OutputTokensSource { get; init; }

    /// <summary>How the inter-token gaps are taken (<see cref="ChunkGapRule"/>).</summary>
    public string ItlRule { get; init; } = ChunkGapRule;

    /// <summary>Mean inter-token (chunk) gap, s; null with fewer than two chunks.</summary>
    public double? ItlMeanS { get; init; }

    /// <summary>Median inter-token gap, s (type-7 quantile).</summary>
    public double? ItlP50S { get; init; }

    /// <summary>95th percentile of the inter-token gaps, s (type-7 quantile).</summary>
    public double? ItlP95S { get; init; }

    /// <summary>Longest inter-token gap, s.</summary>
    public double? ItlMaxS { get; init; }

    /// <summary>(E2E - TTFT) / (output tokens - 1), s; null with fewer than two output tokens.</summary>
    public double? TimePerOutputTokenS { get; init; }

    /// <summary>(output tokens - 1) / (E2E - TTFT), tokens/s; null with fewer than two output tokens or no time after the first.</summary>
    public double? DecodeTokensPerSecond { get; init; }

    /// <summary>
    /// The timings of a stream sent at <paramref name="startS"/> and ended at <paramref name="endS"/> (session clock, s)
    /// whose content-bearing chunks arrived as <paramref name="arrivals"/> (in order). <paramref name="outputTokens"/> is
    /// the server's count when it gave one (then <paramref name="source"/> says so), else null: the chunks' tokens are
    /// counted. Null when no chunk carried content (no first token: TTFT does not exist).
    /// </summary>
    public static StreamTimings? From(double startS, double endS, IReadOnlyList<ChunkArrival> arrivals, int? outputTokens, TokenCountSource source)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        if (arrivals.Count == 0)
            return null;
        var offsets = arrivals.Select(a => Math.Round(a.AtS - startS, 6)).ToArray();
        var gaps = new double[Math.Max(0, offsets.Length - 1)];
        for (var i = 1; i < offsets.Length; i++)
            gaps[i - 1] = offsets[i] - offsets[i - 1];
        var sorted = gaps.Order().ToArray();
        var tokens = outputTokens ?? arrivals.Sum(a => a.Tokens);
        var ttft = offsets[0];
        var e2e = endS - startS;
        var afterFirst = e2e - ttft;
        return new StreamTimings
        {
            TimeToFirstTokenS = ttft,
            EndToEndS = e2e,
            ChunkOffsetsS = offsets,
            ChunkTokens = [.. arrivals.Select(a => a.Tokens)],
            OutputTokens = tokens,
            OutputTokensSource = outputTokens is null ? TokenCountSource.EngineCount : source,
            ItlMeanS = gaps.Length > 0 ? gaps.Average() : null,
            ItlP50S = gaps.Length > 0 ? Quantiles.OfSorted(sorted, 0.50) : null,
            ItlP95S = gaps.Length > 0 ? Quantiles.OfSorted(sorted, 0.95) : null,
            ItlMaxS = gaps.Length > 0 ? gaps.Max() : null,
            TimePerOutputTokenS = tokens > 1 ? afterFirst / (tokens - 1) : null,
            DecodeTokensPerSecond = tokens > 1 && afterFirst > 0 ? (tokens - 1) / afterFirst : null,
        };
    }
}

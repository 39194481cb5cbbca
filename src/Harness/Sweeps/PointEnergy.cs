using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// The arithmetic of an overlapping point: each request's attributed share of the point's window energy, the steady-state interval,
/// and the tokens generated inside an interval. Pure functions of the meter's samples and the requests' spans.
/// </summary>
public static class PointEnergy
{
    /// <summary>
    /// Each request's joules per domain under <see cref="EnergyAttribution.ByActiveTime"/>: for every sample overlapping the window, its
    /// energy inside the window (pro rata by time) is split among the requests active in it by their active seconds in it; the raw
    /// shares are then scaled so that, per domain, the requests' joules sum exactly to <paramref name="window"/>'s (which carries the
    /// window's own edge rule). Energy of a sample with no request active is thereby shared like the rest of the window.
    /// </summary>
    /// <param name="window">The point's window energy (J per domain).</param>
    /// <param name="samples">The meter's samples (any; those overlapping the window are used), J per domain.</param>
    /// <param name="spans">The requests, in the order their results are wanted.</param>
    /// <returns>One dictionary per request (domain to J), in the order of <paramref name="spans"/>.</returns>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Attribute(WindowEnergy window, IReadOnlyList<MeterSample> samples, IReadOnlyList<RequestSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(spans);
        var raw = spans.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToList();
        foreach (var s in samples)
        {
            var inside = Math.Min(s.EndS, window.EndS) - Math.Max(s.StartS, window.StartS);
            if (inside <= 0 || s.DurationS <= 0)
                continue;
            var from = Math.Max(s.StartS, window.StartS);
            var to = Math.Min(s.EndS, window.EndS);
            var active = spans.Select(r => r.OverlapS(from, to)).ToList();
            var activeSum = active.Sum();
            if (activeSum <= 0)
                continue;
            foreach (var (domain, joules) in s.EnergyJ)
            {
                var part = joules * inside / s.DurationS;
                for (var i = 0; i < spans.Count; i++)
                    raw[i][domain] = raw[i].GetValueOrDefault(domain) + (part * active[i] / activeSum);
            }
        }

        var result = spans.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToList();
        foreach (var (domain, energy) in window.Domains)
        {
            var rawSum = raw.Sum(r => r.GetValueOrDefault(domain));
            // Without samples of this domain inside the window: share by active time alone.
            var weights = rawSum > 0
                ? raw.Select(r => r.GetValueOrDefault(domain) / rawSum).ToList()
                : TimeShares(window, spans);
            for (var i = 0; i < spans.Count; i++)
                result[i][domain] = energy.Joules * weights[i];
        }

        return result;
    }

    private static List<double> TimeShares(WindowEnergy window, IReadOnlyList<RequestSpan> spans)
    {
        var times = spans.Select(r => r.OverlapS(window.StartS, window.EndS)).ToList();
        var sum = times.Sum();
        return sum > 0 ? [.. times.Select(t => t / sum)] : [.. spans.Select(_ => 1.0 / spans.Count)];
    }

    /// <summary>
    /// The steady-state interval of <paramref name="spans"/> run on <paramref name="slots"/> slots: from the moment all slots are first busy
    /// generating (the latest first token among the slots' first requests: before it, the last slot is still in its prefill, drawing power
    /// but producing no token; its request start without streaming) to the moment the first slot drains (the earliest last end among them). Null, with
    /// <paramref name="reason"/>, when not every slot ran a request, when the first slot drained before the last began, or when the
    /// interval is shorter than <paramref name="minimumS"/> (two meter intervals: shorter, its edge samples are most of it).
    /// </summary>
    public static (double StartS, double EndS)? SteadyInterval(IReadOnlyList<RequestSpan> spans, int slots, double minimumS, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var bySlot = spans.GroupBy(r => r.Slot).ToList();
        reason = null;
        if (bySlot.Count < slots)
        {
            reason = $"never reached: {spans.Count} request(s) answered on {bySlot.Count} of {slots} slots, so all {slots} were never busy at once (give the point at least {slots} prompts, Prompts:Count)";
            return null;
        }

        var start = bySlot.Max(g => g.MinBy(r => r.StartS)!.FirstTokenS);
        var end = bySlot.Min(g => g.Max(r => r.EndS));
        if (end <= start)
        {
            reason = $"never reached: the first slot drained ({end:0.###} s) before the last slot's first token ({start:0.###} s); give the point more prompts (Prompts:Count) than slots";
            return null;
        }

        if (end - start < minimumS)
        {
            reason = $"too short: all {slots} slots were busy together for {end - start:0.###} s, under the {minimumS:0.###} s (two meter intervals) a steady state needs; give the point more prompts (Prompts:Count) or longer answers";
            return null;
        }

        return (start, end);
    }

    /// <summary>
    /// Output tokens generated inside [<paramref name="fromS"/>, <paramref name="toS"/>]: from each request's streamed chunk arrivals where it
    /// has them (each chunk's tokens, scaled to the request's output token count when the server's count differs), else its tokens spread
    /// evenly over its span. Returns the tokens and whether any were estimated (spread evenly).
    /// </summary>
    public static (double Tokens, bool Estimated) TokensIn(IReadOnlyList<RequestSpan> spans, double fromS, double toS)
    {
        ArgumentNullException.ThrowIfNull(spans);
        double tokens = 0;
        var estimated = false;
        foreach (var r in spans)
        {
            if (r.Stream is { ChunkOffsetsS.Count: > 0 } stream)
            {
                var chunkSum = stream.ChunkTokens.Sum();
                var scale = chunkSum > 0 && r.OutputTokens is > 0 and var n ? (double)n / chunkSum : 1.0;
                for (var i = 0; i < stream.ChunkOffsetsS.Count; i++)
                {
                    var at = r.StartS + stream.ChunkOffsetsS[i];
                    if (at >= fromS && at < toS)
                        tokens += stream.ChunkTokens[i] * scale;
                }
            }
            else if (r.OutputTokens is > 0 and var n && r.EndS > r.StartS)
            {
                tokens += n * r.OverlapS(fromS, toS) / (r.EndS - r.StartS);
                estimated = true;
            }
        }

        return (tokens, estimated);
    }
}

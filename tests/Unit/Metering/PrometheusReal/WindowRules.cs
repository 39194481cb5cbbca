using SlmEnergyBench.Unit.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Metering.PrometheusReal;

/// <summary>
/// The expected figures of a window, computed here from Prometheus's raw samples by the rules the meter states, independently of
/// its code: the pro-rata rule of method <c>samples</c> and Prometheus's own extrapolation of <c>increase()</c>.
/// </summary>
internal static class WindowRules
{
    /// <summary>
    /// Joules over [<paramref name="a"/>, <paramref name="b"/>] (session s): each pair of consecutive samples is one interval whose
    /// increase is the difference, or the new value after a drop (Prometheus's reset rule), times <paramref name="factor"/>
    /// (0.001 for mJ); intervals inside count whole, intervals straddling an edge by the fraction of their time inside.
    /// </summary>
    public static double ProRataJ(IReadOnlyList<PromSample> samples, double factor, Func<double, double> toSession, double a, double b)
    {
        var joules = 0.0;
        for (var i = 0; i + 1 < samples.Count; i++)
        {
            var (s0, s1) = (toSession(samples[i].UnixS), toSession(samples[i + 1].UnixS));
            var (v0, v1) = (samples[i].Value, samples[i + 1].Value);
            var increase = v1 >= v0 ? v1 - v0 : v1;
            var inside = Math.Max(0, Math.Min(b, s1) - Math.Max(a, s0));
            joules += factor * increase * inside / (s1 - s0);
        }
        return joules;
    }

    /// <summary>
    /// <c>increase(selector[range])</c> evaluated at <paramref name="endUnixS"/> (server s) by Prometheus 2.42's rule
    /// (promql/functions.go extrapolatedRate): the samples in [end - range, end]; last - first plus the value before each drop;
    /// extrapolated to each edge by the gap to it when that gap is under 1.1 average intervals (else by half an average interval),
    /// the start's gap capped where the counter would reach zero. Null with fewer than two samples. Times in whole milliseconds.
    /// </summary>
    public static double? PrometheusIncrease(IReadOnlyList<PromSample> all, long rangeMs, double endUnixS)
    {
        var endMs = (long)Math.Round(endUnixS * 1000);
        var startMs = endMs - rangeMs;
        var samples = all.Where(s => Ms(s) >= startMs && Ms(s) <= endMs).ToList();
        if (samples.Count < 2)
            return null;
        var result = samples[^1].Value - samples[0].Value;
        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].Value < samples[i - 1].Value)
                result += samples[i - 1].Value;
        }
        var toStart = (Ms(samples[0]) - startMs) / 1000.0;
        var toEnd = (endMs - Ms(samples[^1])) / 1000.0;
        var sampled = (Ms(samples[^1]) - Ms(samples[0])) / 1000.0;
        var average = sampled / (samples.Count - 1);
        if (result > 0 && samples[0].Value >= 0)
            toStart = Math.Min(toStart, sampled * (samples[0].Value / result));
        var threshold = average * 1.1;
        var extrapolated = sampled + (toStart < threshold ? toStart : average / 2) + (toEnd < threshold ? toEnd : average / 2);
        return result * (extrapolated / sampled);
    }

    private static long Ms(PromSample sample) => (long)Math.Round(sample.UnixS * 1000);
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Benchmarks.Windows;

/// <summary>
/// A run's samples, generated: <c>count</c> consecutive samples of <see cref="IntervalS"/> with <c>package</c> and <c>dram</c>
/// energies (total = package + dram, added by the timeline), a busy-idle pattern so that windows have edges worth attributing.
/// </summary>
public static class RunSamples
{
    /// <summary>The sample length, s (the default 100 ms interval).</summary>
    public const double IntervalS = 0.1;

    /// <summary>The idle power of the pattern per domain, W.</summary>
    public static readonly IReadOnlyDictionary<string, double> IdlePowerW = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Domains.Package] = 5.0,
        [Domains.Dram] = 1.0,
    };

    /// <summary>A timeline of <paramref name="count"/> samples from 0 s: 3 s busy (package 25 W, dram 3 W) then 1 s idle, repeated.</summary>
    public static SampleTimeline Timeline(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var timeline = new SampleTimeline([Domains.Package, Domains.Dram]);
        for (var k = 0; k < count; k++)
        {
            var busy = k % 40 < 30;
            timeline.Add(new MeterSample(k * IntervalS, (k + 1) * IntervalS, new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [Domains.Package] = (busy ? 25.0 : IdlePowerW[Domains.Package]) * IntervalS,
                [Domains.Dram] = (busy ? 3.0 : IdlePowerW[Domains.Dram]) * IntervalS,
            }));
        }

        return timeline;
    }

    /// <summary>
    /// <paramref name="windows"/> windows of <paramref name="lengthS"/> spread evenly over a run of <paramref name="count"/>
    /// samples, each starting 37 ms past a sample edge so both its edges cut a sample: (start, end) in s.
    /// </summary>
    public static IReadOnlyList<(double StartS, double EndS)> Windows(int count, int windows, double lengthS)
    {
        var runS = count * IntervalS;
        if (lengthS + IntervalS >= runS)
            throw new ArgumentOutOfRangeException(nameof(lengthS), $"a window of {lengthS} s does not fit in a run of {runS} s");
        var step = (runS - lengthS - IntervalS) / windows;
        return [.. Enumerable.Range(0, windows).Select(i =>
        {
            var start = (Math.Floor(i * step / IntervalS) * IntervalS) + 0.037;
            return (start, start + lengthS);
        })];
    }
}

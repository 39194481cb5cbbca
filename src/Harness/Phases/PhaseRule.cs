using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// When a phase's window is long enough for its energy to mean something: at least <see cref="MinimumIntervals"/> meter
/// intervals, so at least one whole sample lies inside it (a window of 2 intervals holds one whole sample wherever it
/// falls on the sample chain) and its figure is not only the shares of the samples at its edges. The interval is the
/// longest meter sample overlapping the window (powermetrics asked for 100 ms gives about 105-110 ms: the real interval
/// counts, not the configured one).
/// </summary>
public static class PhaseRule
{
    /// <summary>The fewest meter intervals a phase's window must span.</summary>
    public const double MinimumIntervals = 2;

    /// <summary>Tolerance of the comparison, s (floating-point noise of clock arithmetic).</summary>
    private const double ToleranceS = 1e-9;

    /// <summary>
    /// Null when a window of <paramref name="durationS"/> seconds spans at least <see cref="MinimumIntervals"/> intervals of
    /// <paramref name="intervalS"/> seconds; else the reason, e.g. "too short: 0.032 s is 0.32 of the 0.1 s meter interval; needs >= 2 intervals".
    /// </summary>
    public static string? TooShort(double durationS, double intervalS)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalS);
        if (durationS + ToleranceS >= MinimumIntervals * intervalS)
            return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"too short: {durationS:0.###} s is {durationS / intervalS:0.##} of the {intervalS:0.###} s meter interval; needs >= {MinimumIntervals:0} intervals");
    }

    /// <summary>The longest of <paramref name="samples"/> overlapping [<paramref name="startS"/>, <paramref name="endS"/>], s; null when none overlaps.</summary>
    public static double? IntervalS(IReadOnlyList<MeterSample> samples, double startS, double endS)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var overlapping = samples.Where(s => s.StartS < endS && s.EndS > startS).Select(s => s.DurationS).ToArray();
        return overlapping.Length == 0 ? null : overlapping.Max();
    }
}

namespace SlmEnergyBench.Harness.Metering;

/// <summary>An uncovered stretch of the timeline after which a meter's chain broke, and why.</summary>
/// <param name="FromS">End of the last sample before the gap (or when the meter started).</param>
/// <param name="ToS">Start of the first sample after it; null while none has arrived.</param>
/// <param name="Reason">E.g. "corrupt plist document (elapsed_ns is missing)".</param>
internal sealed record MeterGap(double FromS, double? ToS, string Reason)
{
    public bool Overlaps(double startS, double endS) => FromS < endS && (ToS ?? double.PositiveInfinity) > startS;
}

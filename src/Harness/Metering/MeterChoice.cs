namespace SlmEnergyBench.Harness.Metering;

/// <summary>The meter a run uses and why: what was picked and why the better ones were not.</summary>
public sealed record MeterChoice(IPowerMeter Meter, string Why)
{
    /// <summary>
    /// Creates another meter of the same kind and set-up sampling every given interval (ms), not started: what the meter's
    /// overhead measurement (<c>Protocol:MeterOverheadSeconds</c>) compares; null when the meter cannot be made again (a scripted one).
    /// </summary>
    public Func<int, CancellationToken, Task<IPowerMeter>>? AtInterval { get; init; }
}

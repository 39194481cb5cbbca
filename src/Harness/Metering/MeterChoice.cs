namespace SlmEnergyBench.Harness.Metering;

/// <summary>The meter a run uses and why: what was picked and why the better ones were not.</summary>
public sealed record MeterChoice(IPowerMeter Meter, string Why);

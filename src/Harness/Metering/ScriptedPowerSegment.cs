namespace SlmEnergyBench.Harness.Metering;

/// <summary>Constant power per domain (watts) over [<paramref name="FromS"/>, <paramref name="ToS"/>) of the session timeline.</summary>
public sealed record ScriptedPowerSegment(double FromS, double ToS, IReadOnlyDictionary<string, double> PowerW);

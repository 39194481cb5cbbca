namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One powermetrics sample (one plist document), in powermetrics' own units.
/// </summary>
/// <param name="ElapsedNs">Real length of the sample (<c>elapsed_ns</c>); the requested interval is not the real one.</param>
/// <param name="EnergyMj">
/// Energy over the sample in millijoules per domain (<see cref="Domains.Cpu"/>, <see cref="Domains.Gpu"/>,
/// <see cref="Domains.Ane"/>, <see cref="Domains.Dram"/>), read from the <c>processor</c> dict. A domain
/// absent from the document (neither energy nor power) is absent here.
/// </param>
/// <param name="EnergyFromPower">Domains whose energy was missing and computed as power (mW) x elapsed (s).</param>
/// <param name="PackageEnergyMj"><c>processor.package_energy</c> when present (older versions); informational only.</param>
/// <param name="CombinedPowerMw"><c>processor.combined_power</c> when present.</param>
/// <param name="HwModel"><c>hw_model</c>, e.g. <c>MacBookPro18,1</c>.</param>
/// <param name="ThermalPressure"><c>thermal_pressure</c>, e.g. <c>Nominal</c>.</param>
/// <param name="Timestamp"><c>timestamp</c> as written (an ISO 8601 date); informational only.</param>
public sealed record PowermetricsSample(
    long ElapsedNs,
    IReadOnlyDictionary<string, double> EnergyMj,
    IReadOnlyList<string> EnergyFromPower,
    double? PackageEnergyMj,
    double? CombinedPowerMw,
    string? HwModel,
    string? ThermalPressure,
    string? Timestamp)
{
    public double ElapsedS => ElapsedNs / 1e9;
}

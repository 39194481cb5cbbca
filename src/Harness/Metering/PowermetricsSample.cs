namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One powermetrics sample (one plist document), its energies converted to joules.
/// </summary>
/// <param name="ElapsedNs">Real length of the sample (<c>elapsed_ns</c>); the requested interval is not the real one.</param>
/// <param name="EnergyJ">
/// Energy over the sample in joules per domain (<see cref="Domains.Cpu"/>, <see cref="Domains.Gpu"/>,
/// <see cref="Domains.Ane"/>, <see cref="Domains.Dram"/>, <see cref="Domains.Package"/>), read from the
/// <c>processor</c> dict by the keys of <see cref="PowermetricsKey.All"/>. A domain none of whose keys is in the
/// document is absent here. No total: which domains add up is decided by <see cref="PowermetricsTotalRule"/>.
/// </param>
/// <param name="KeysRead">For each domain of <paramref name="EnergyJ"/>, the key it was read from (and so its unit).</param>
/// <param name="ProcessorKeys">Every key of the <c>processor</c> dict, in document order; null when the document has no such dict.</param>
/// <param name="TopLevelKeys">Every top-level key, in document order (for messages about a sample without energies).</param>
/// <param name="CombinedPowerMw"><c>processor.combined_power</c> (mW) when present; informational only.</param>
/// <param name="HwModel"><c>hw_model</c>, e.g. <c>MacBookPro18,1</c>.</param>
/// <param name="ThermalPressure"><c>thermal_pressure</c>, e.g. <c>Nominal</c>.</param>
/// <param name="Timestamp"><c>timestamp</c> as written (an ISO 8601 date); informational only.</param>
public sealed record PowermetricsSample(
    long ElapsedNs,
    IReadOnlyDictionary<string, double> EnergyJ,
    IReadOnlyDictionary<string, PowermetricsKey> KeysRead,
    IReadOnlyList<string>? ProcessorKeys,
    IReadOnlyList<string> TopLevelKeys,
    double? CombinedPowerMw,
    string? HwModel,
    string? ThermalPressure,
    string? Timestamp)
{
    /// <summary><see cref="ElapsedNs"/> in seconds.</summary>
    public double ElapsedS => ElapsedNs / 1e9;

    /// <summary>Domains whose energy is a power key x elapsed because no energy key of theirs was there.</summary>
    public IReadOnlyList<string> EnergyFromPower => [.. KeysRead.Where(k => k.Value.IsPower).Select(k => k.Key)];
}

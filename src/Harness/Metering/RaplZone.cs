namespace SlmEnergyBench.Harness.Metering;

/// <summary>One powercap zone that a <see cref="RaplMeter"/> reads.</summary>
/// <param name="Id">Directory name, e.g. <c>intel-rapl:0:1</c>.</param>
/// <param name="Directory">Full path of the zone's folder.</param>
/// <param name="Name">Content of its <c>name</c> file, e.g. <c>package-0</c>, <c>dram</c>.</param>
/// <param name="Domain">The domain its energy is added to (<see cref="Domains.Package"/>, <see cref="Domains.Dram"/>, ...).</param>
/// <param name="MaxEnergyRangeUj">Its <c>max_energy_range_uj</c>: added once when the counter wraps.</param>
internal sealed record RaplZone(string Id, string Directory, string Name, string Domain, ulong MaxEnergyRangeUj)
{
    public string EnergyFile => Path.Combine(Directory, "energy_uj");
}

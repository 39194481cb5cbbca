using System.Globalization;

namespace SlmEnergyBench.Benchmarks.Meters;

/// <summary>
/// A Linux powercap tree in a temporary folder, shaped like a one-socket Intel machine's <c>/sys/class/powercap</c>: zones
/// <c>intel-rapl:0</c> (package-0), <c>intel-rapl:0:0</c> (core), <c>intel-rapl:0:1</c> (uncore), <c>intel-rapl:0:2</c>
/// (dram) and <c>intel-rapl:1</c> (psys), each with its <c>name</c>, <c>energy_uj</c> and <c>max_energy_range_uj</c> files.
/// For machines without RAPL (this one): what a RAPL read costs in file opens, reads and parsing.
/// </summary>
/// <remarks>
/// The counters do not move (the files are written once), so samples carry 0 J; a real <c>energy_uj</c> read also costs
/// the kernel's MSR read, which a plain file does not have. Deleted with its folder on <see cref="Dispose"/>.
/// </remarks>
public sealed class TempPowercap : IDisposable
{
    /// <summary>A real RAPL counter range, µJ.</summary>
    public const ulong MaxEnergyRangeUj = 262_143_328_850;

    /// <summary>The zones (id, name) written, as on a one-socket Intel laptop.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Zones =
    [
        ("intel-rapl:0", "package-0"),
        ("intel-rapl:0:0", "core"),
        ("intel-rapl:0:1", "uncore"),
        ("intel-rapl:0:2", "dram"),
        ("intel-rapl:1", "psys"),
    ];

    /// <summary>Creates the tree under a new temporary folder.</summary>
    public TempPowercap()
    {
        Root = Directory.CreateTempSubdirectory("slmbench-powercap-").FullName;
        var counter = 123_456_789UL;
        foreach (var (id, name) in Zones)
        {
            var zone = Directory.CreateDirectory(Path.Combine(Root, id)).FullName;
            File.WriteAllText(Path.Combine(zone, "name"), name + "\n");
            File.WriteAllText(Path.Combine(zone, "max_energy_range_uj"), MaxEnergyRangeUj.ToString(CultureInfo.InvariantCulture) + "\n");
            File.WriteAllText(Path.Combine(zone, "energy_uj"), counter.ToString(CultureInfo.InvariantCulture) + "\n");
            counter += 987_654_321UL;
        }
    }

    /// <summary>The tree's root, for <c>Meter:RaplRoot</c>.</summary>
    public string Root { get; }

    /// <summary>Every zone's <c>energy_uj</c> path.</summary>
    public IReadOnlyList<string> EnergyFiles => [.. Zones.Select(z => Path.Combine(Root, z.Id, "energy_uj"))];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

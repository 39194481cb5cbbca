using System.Globalization;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>A fake Linux powercap tree in a temp folder: zones with name, energy_uj and max_energy_range_uj files.</summary>
internal sealed class FakePowercap : IDisposable
{
    /// <summary>A real 32-bit-ish RAPL range (µJ).</summary>
    public const ulong DefaultMaxUj = 262_143_328_850;

    private readonly TempDirectory _dir = new();

    public string Root => _dir.Path;

    /// <summary>Creates zone <paramref name="id"/> (e.g. <c>intel-rapl:0</c>) with its files.</summary>
    public FakePowercap Zone(string id, string name, ulong energyUj = 0, ulong maxUj = DefaultMaxUj)
    {
        Directory.CreateDirectory(Path.Combine(Root, id));
        File.WriteAllText(Path.Combine(Root, id, "name"), name + "\n");
        File.WriteAllText(Path.Combine(Root, id, "max_energy_range_uj"), maxUj.ToString(CultureInfo.InvariantCulture) + "\n");
        return Energy(id, energyUj);
    }

    public FakePowercap Energy(string id, ulong energyUj) => Raw(id, energyUj.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds <paramref name="deltaUj"/> to the zone's counter (the energy spent since the last change).</summary>
    public FakePowercap Advance(string id, ulong deltaUj) =>
        Energy(id, ulong.Parse(File.ReadAllText(EnergyFile(id)).Trim(), CultureInfo.InvariantCulture) + deltaUj);

    /// <summary>Writes <paramref name="text"/> (a newline added) into the zone's energy_uj.</summary>
    public FakePowercap Raw(string id, string text)
    {
        File.WriteAllText(EnergyFile(id), text + "\n");
        return this;
    }

    public string EnergyFile(string id) => Path.Combine(Root, id, "energy_uj");

    public void Dispose() => _dir.Dispose();
}

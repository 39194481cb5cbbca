using System.Text.RegularExpressions;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The RAPL zones of a powercap tree and how they add up. Zones are the entries <c>&lt;type&gt;:N[:M...]</c>
/// whose type ends in <c>rapl</c> or <c>rapl-mmio</c> (<c>intel-rapl</c>, <c>amd-rapl</c>, <c>intel-rapl-mmio</c>);
/// what a zone is comes from its <c>name</c> file, never from its position.
/// </summary>
/// <remarks>
/// <para><c>package-N</c> zones add up to <see cref="Domains.Package"/>, <c>dram</c> zones to
/// <see cref="Domains.Dram"/> (a separate rail), and <see cref="Domains.Total"/> = package + dram.</para>
/// <para><c>core</c> and <c>uncore</c> nest inside their package: they are kept as informational domains
/// and never added to the total. <c>psys</c> covers the whole SoC, package and dram included: it is the
/// total only when there is no package zone, and informational otherwise.</para>
/// <para>An mmio zone duplicates the package zone of the same name: it is skipped when that zone exists.
/// Zones of one domain that read one counter under two names (dies of one socket) are found by reading them
/// (<see cref="RaplMirrors"/>) and left out with <see cref="LeavingOut"/>.</para>
/// </remarks>
internal sealed partial class RaplTree
{
    private RaplTree(IReadOnlyList<RaplZone> zones, IReadOnlyList<string> totalOf, IReadOnlyList<string> skipped)
    {
        Zones = zones;
        TotalOf = totalOf;
        Skipped = skipped;
    }

    /// <summary>The zones read every interval.</summary>
    public IReadOnlyList<RaplZone> Zones { get; }

    /// <summary>The domains whose sum is the total: package (+ dram), or psys alone.</summary>
    public IReadOnlyList<string> TotalOf { get; }

    /// <summary>Zones not read, each with why (mmio duplicates, mirrored counters, unknown names).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>What reading the zones found that a reader should know (e.g. zones that could not be told apart); empty when nothing.</summary>
    public IReadOnlyList<string> Findings { get; private init; } = [];

    /// <summary>Every domain a sample carries, <see cref="Domains.Total"/> last.</summary>
    public IReadOnlyList<string> DomainNames =>
        [.. Zones.Select(z => z.Domain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), Domains.Total];

    /// <summary>Finds the zones under <see cref="RaplFiles.Root"/>; throws <see cref="MeterException"/> when there is no usable one.</summary>
    public static RaplTree Discover(RaplFiles files)
    {
        if (!Directory.Exists(files.Root))
        {
            throw new MeterException(
                $"no RAPL here: {files.Root} does not exist (no powercap driver; virtual machines and containers usually have none). Use Meter:Kind = estimate, or point Meter:RaplRoot at the powercap tree.");
        }

        var found = Directory.EnumerateFileSystemEntries(files.Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(id => ZoneId().IsMatch(id))
            .Order(StringComparer.Ordinal)
            .Select(id => (Id: id, Name: files.ReadText(Path.Combine(files.Root, id, "name")), Mmio: id.Contains("-mmio:", StringComparison.Ordinal)))
            .ToList();
        var zones = new List<RaplZone>();
        var skipped = new List<string>();
        foreach (var (id, name, mmio) in found)
        {
            if (mmio && found.Any(z => !z.Mmio && z.Name == name))
            {
                skipped.Add($"{id} ({name}: duplicates the non-mmio zone of the same name, counted once)");
                continue;
            }

            if (DomainOf(name) is not { } domain)
            {
                skipped.Add($"{id} (unknown zone name '{name}')");
                continue;
            }

            var directory = Path.Combine(files.Root, id);
            var max = files.ReadMicrojoules(Path.Combine(directory, "max_energy_range_uj"));
            if (max == 0)
                throw new MeterException($"RAPL: {directory}/max_energy_range_uj is 0; a wrapping counter cannot be read without its range.");
            zones.Add(new RaplZone(id, directory, name, domain, max));
        }

        return new RaplTree(zones, TotalOfZones(zones, files.Root), skipped);
    }

    /// <summary>This tree without <paramref name="zones"/> (each named in <see cref="Skipped"/> with why), plus <paramref name="findings"/>.</summary>
    public RaplTree LeavingOut(IReadOnlyList<(RaplZone Zone, string Why)> zones, IReadOnlyList<string> findings) =>
        new([.. Zones.Where(z => !zones.Any(l => l.Zone == z))], TotalOf, [.. Skipped, .. zones.Select(l => l.Why)])
        {
            Findings = [.. Findings, .. findings],
        };

    private static string[] TotalOfZones(List<RaplZone> zones, string root)
    {
        bool Has(string domain) => zones.Any(z => z.Domain == domain);
        if (Has(Domains.Package))
            return Has(Domains.Dram) ? [Domains.Package, Domains.Dram] : [Domains.Package];
        if (Has(Domains.Psys))
            return [Domains.Psys];
        throw new MeterException(zones.Count == 0
            ? $"no RAPL zones under {root} (no intel-rapl:N / amd-rapl:N entries): this machine exposes no RAPL counters. Use Meter:Kind = estimate."
            : $"RAPL under {root} has no package or psys zone (only {string.Join(", ", zones.Select(z => z.Name))}): no total can be measured.");
    }

    private static string? DomainOf(string name) => name switch
    {
        _ when name.StartsWith("package", StringComparison.Ordinal) => Domains.Package,
        "dram" => Domains.Dram,
        "core" => Domains.Core,
        "uncore" => Domains.Uncore,
        "psys" => Domains.Psys,
        _ => null,
    };

    [GeneratedRegex(@"^[a-z]+-rapl(-mmio)?(:\d+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneId();
}

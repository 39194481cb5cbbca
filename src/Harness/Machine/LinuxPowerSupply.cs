using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Reads Linux's power-supply class (<c>/sys/class/power_supply/&lt;name&gt;/</c>, the kernel's sysfs ABI
/// <c>Documentation/ABI/testing/sysfs-class-power</c>): each supply has a <c>type</c> (<c>Mains</c>, <c>Battery</c>,
/// <c>USB</c>, <c>UPS</c>, ...); a mains or USB adapter says <c>online</c> 1 or 0; a battery says its <c>status</c>
/// (<c>Charging</c>, <c>Discharging</c>, <c>Full</c>, <c>Not charging</c>, <c>Unknown</c>) and <c>capacity</c> (%).
/// Batteries of devices (<c>scope</c> = <c>Device</c>: a wireless mouse) are not the machine's and are left out.
/// </summary>
/// <remarks>
/// The rule: an adapter online means AC; otherwise a battery that is discharging, or a battery beside adapters that
/// are all offline, means battery; a battery charging or full with no adapter listed means AC (it can only charge from
/// one). No supply at all (a desktop without such drivers, a virtual machine) is <see cref="PowerSource.Unknown"/>.
/// </remarks>
public static class LinuxPowerSupply
{
    /// <summary>The kernel's folder.</summary>
    public const string DefaultRoot = "/sys/class/power_supply";

    /// <summary>The power source under <paramref name="root"/>; never throws for a missing or unreadable file (it is then left out).</summary>
    public static PowerSource Read(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var supplies = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal).Select(d => new Supply(d)).ToList()
            : [];
        var adapters = supplies.Where(s => s.Type is "Mains" or "USB" or "USB_C" or "USB_PD" && s.Online is not null).ToList();
        var batteries = supplies.Where(s => s.Type == "Battery" && s.Scope != "Device").ToList();
        var ups = supplies.Any(s => s.Type == "UPS" && s.Online == true);
        var battery = batteries.FirstOrDefault();
        var detail = string.Join("; ", supplies.Where(s => adapters.Contains(s) || batteries.Contains(s)).Select(s => s.Describe()));
        if (detail.Length == 0)
            detail = supplies.Count == 0 ? $"no power supply listed in {root}" : $"no adapter or system battery among {string.Join(", ", supplies.Select(s => s.Name))}";

        string kind;
        if (adapters.Any(a => a.Online == true))
            kind = PowerSource.Ac;
        else if (ups)
            kind = PowerSource.Ups;
        else if (batteries.Any(b => b.Status == "Discharging") || (batteries.Count > 0 && adapters.Count > 0))
            kind = PowerSource.Battery;
        else if (batteries.Any(b => b.Status is "Charging" or "Full"))
            kind = PowerSource.Ac;
        else
            kind = PowerSource.Unknown;
        return new PowerSource(kind, battery?.Capacity, battery?.Status, root, detail);
    }

    private sealed class Supply(string folder)
    {
        public string Name { get; } = Path.GetFileName(folder);

        public string? Type { get; } = Value(folder, "type");

        public string? Scope { get; } = Value(folder, "scope");

        public bool? Online { get; } = Value(folder, "online") switch { "1" => true, "0" => false, _ => null };

        public string? Status { get; } = Value(folder, "status");

        public int? Capacity { get; } = int.TryParse(Value(folder, "capacity"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;

        public string Describe() => Type == "Battery"
            ? $"{Name} {(Capacity is { } c ? c.ToString(CultureInfo.InvariantCulture) + "%" : "?%")} {Status ?? "status unknown"}"
            : $"{Name} ({Type}) {(Online == true ? "online" : "offline")}";

        private static string? Value(string folder, string file)
        {
            try
            {
                var path = Path.Combine(folder, file);
                return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}

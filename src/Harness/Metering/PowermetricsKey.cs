namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One key of powermetrics' <c>processor</c> dict that gives a domain's energy over a sample, with its unit.
/// The key's suffix says the unit: <c>_energy</c> = millijoules (Apple Silicon, integers), <c>_joules</c> =
/// joules (Intel Macs, reals), <c>_power</c> = milliwatts (Apple Silicon), <c>_watts</c> = watts (Intel Macs);
/// a power is multiplied by the sample's <c>elapsed_ns</c>.
/// </summary>
/// <param name="Domain">The domain it gives, e.g. <see cref="Domains.Package"/>.</param>
/// <param name="Name">The key, e.g. <c>package_joules</c>.</param>
/// <param name="Unit">The unit as written: <c>mJ</c>, <c>J</c>, <c>mW</c> or <c>W</c>.</param>
/// <param name="IsPower">True for a power (energy = value x elapsed), false for an energy over the sample.</param>
/// <remarks>Units: Apple's reference output (cpu_energy 89 mJ over 2.019 s = cpu_power 44.08 mW) and an Intel Mac's
/// sample (package_joules 8.55029 J over 1.00238 s = package_watts 8.53 W); see docs' energy-meter facts.</remarks>
public sealed record PowermetricsKey(string Domain, string Name, string Unit, bool IsPower)
{
    /// <summary>
    /// Every key read, in order of preference within a domain: energies before powers (a power is an average over
    /// the sample, an energy is what the sample spent), millijoules before joules. Domains in the order shown.
    /// </summary>
    public static IReadOnlyList<PowermetricsKey> All { get; } =
    [
        .. new[] { Domains.Cpu, Domains.Gpu, Domains.Ane, Domains.Dram, Domains.Package }.SelectMany(d => new[]
        {
            new PowermetricsKey(d, d + "_energy", "mJ", IsPower: false),
            new PowermetricsKey(d, d + "_joules", "J", IsPower: false),
            new PowermetricsKey(d, d + "_power", "mW", IsPower: true),
            new PowermetricsKey(d, d + "_watts", "W", IsPower: true),
        }),
    ];

    /// <summary>The domains these keys give, in the order shown.</summary>
    public static IReadOnlyList<string> DomainOrder { get; } = [.. All.Select(k => k.Domain).Distinct(StringComparer.Ordinal)];

    /// <summary>Joules over a sample of <paramref name="elapsedS"/> seconds whose value under this key is <paramref name="value"/>.</summary>
    public double ToJoules(double value, double elapsedS)
    {
        var scaled = Unit is "mJ" or "mW" ? value / 1000.0 : value;
        return IsPower ? scaled * elapsedS : scaled;
    }

    /// <summary>How the key was read, for the provenance, e.g. <c>processor.package_joules (J per sample)</c>.</summary>
    public string Describe() => IsPower
        ? $"processor.{Name} ({Unit}) x elapsed_ns"
        : $"processor.{Name} ({Unit} per sample)";
}

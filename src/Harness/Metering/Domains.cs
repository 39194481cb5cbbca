namespace SlmEnergyBench.Harness.Metering;

/// <summary>Well-known energy domain names, as stored in results.</summary>
public static class Domains
{
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";
    public const string Ane = "ane";
    public const string Dram = "dram";

    /// <summary>RAPL CPU package(s): cores, caches, uncore (sum over sockets).</summary>
    public const string Package = "package";

    /// <summary>RAPL cores only; nested inside <see cref="Package"/>, so never part of a total.</summary>
    public const string Core = "core";

    /// <summary>RAPL uncore (integrated GPU, caches); nested inside <see cref="Package"/>, never part of a total.</summary>
    public const string Uncore = "uncore";

    /// <summary>RAPL platform (whole SoC, some laptops); overlaps package and dram, so never added to them.</summary>
    public const string Psys = "psys";

    /// <summary>The sum of the meter's non-overlapping domains (for powermetrics: CPU + GPU + ANE).</summary>
    public const string Total = "total";

    /// <summary>
    /// <paramref name="joules"/> (domain → J) without <see cref="Total"/>: what a meter made of parts (a composite, several Prometheus
    /// targets) keeps of each part, whose own total would be counted twice beside the whole's.
    /// </summary>
    public static Dictionary<string, double> WithoutTotal(IReadOnlyDictionary<string, double> joules) =>
        joules.Where(e => e.Key != Total).ToDictionary(StringComparer.Ordinal);
}

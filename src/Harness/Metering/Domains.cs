namespace SlmEnergyBench.Harness.Metering;

/// <summary>Well-known energy domain names, as stored in results.</summary>
public static class Domains
{
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";
    public const string Ane = "ane";
    public const string Dram = "dram";

    /// <summary>The sum of the meter's non-overlapping domains (for powermetrics: CPU + GPU + ANE).</summary>
    public const string Total = "total";
}

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// The series the fake exporter serves, named, labelled and in the units of the real exporters: NVIDIA's DCGM exporter
/// (dcgm-exporter's default counters: energy in mJ since the driver loaded, power in W), the node exporter's rapl collector
/// (<c>node_rapl_&lt;zone&gt;_joules_total{index,path}</c>, energy_uj / 1e6; collector/rapl_linux.go) and Kepler 0.10+
/// (<c>kepler_node_cpu_joules_total{zone,path,node_name}</c>; Kepler's docs/design/metrics.md).
/// </summary>
public static class ExporterCatalog
{
    private const string DcgmEnergy = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION";
    private const string DcgmPower = "DCGM_FI_DEV_POWER_USAGE";
    private const string PackagePath = "/sys/class/powercap/intel-rapl:0";
    private const string DramPath = "/sys/class/powercap/intel-rapl:0:2";

    /// <summary>Every series, for a node named <paramref name="hostname"/> with two H100 GPUs and one CPU package.</summary>
    public static IReadOnlyList<ExporterSeries> For(string hostname)
    {
        var gpus = new[] { (Id: "0", Domain: ExporterDomains.Gpu0), (Id: "1", Domain: ExporterDomains.Gpu1) };
        return
        [
            .. gpus.Select(g => new ExporterSeries(DcgmEnergy, "Total energy consumption since boot (in mJ).", Gpu(g.Id, hostname), "gpu", g.Domain, ExporterValueKind.CounterMillijoules)),
            .. gpus.Select(g => new ExporterSeries(DcgmPower, "Power draw (in W).", Gpu(g.Id, hostname), "gpu", g.Domain, ExporterValueKind.GaugeWatts)),
            Rapl("package", PackagePath, ExporterDomains.Package),
            Rapl("dram", DramPath, ExporterDomains.Dram),
            Kepler("package", PackagePath, ExporterDomains.Package, hostname),
            Kepler("dram", DramPath, ExporterDomains.Dram, hostname),
        ];
    }

    private static KeyValuePair<string, string>[] Gpu(string id, string hostname) =>
    [
        new("gpu", id),
        new("UUID", $"GPU-5a1b6c0e-7d2f-4e3a-9b8c-00000000000{id}"),
        new("device", $"nvidia{id}"),
        new("modelName", "NVIDIA H100 80GB HBM3"),
        new("Hostname", hostname),
    ];

    private static ExporterSeries Rapl(string zone, string path, string domain) => new(
        $"node_rapl_{zone}_joules_total", $"Current RAPL {zone} value in joules", [new("index", "0"), new("path", path)],
        "index", domain, ExporterValueKind.CounterJoulesFromMicrojoules);

    private static ExporterSeries Kepler(string zone, string path, string domain, string hostname) => new(
        "kepler_node_cpu_joules_total", "Energy consumption of cpu at node level in joules", [new("zone", zone), new("path", path), new("node_name", hostname)],
        "zone", domain, ExporterValueKind.CounterJoules);
}

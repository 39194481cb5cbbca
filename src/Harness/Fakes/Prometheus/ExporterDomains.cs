namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// The power domains the <see cref="FakeEnergyExporter"/> exports: each is one counter (and, for GPUs, one power gauge) on its
/// <c>/metrics</c>, whose value is the integral of that domain's power from an <see cref="IExporterPower"/>.
/// </summary>
public static class ExporterDomains
{
    /// <summary>GPU 0 (DCGM <c>gpu="0"</c>): the GPU that follows the power script or the busy file.</summary>
    public const string Gpu0 = "gpu0";

    /// <summary>GPU 1 (DCGM <c>gpu="1"</c>): a second GPU that only idles, so a selector for gpu 0 is seen to matter.</summary>
    public const string Gpu1 = "gpu1";

    /// <summary>The CPU package (RAPL <c>package-0</c>; node exporter <c>node_rapl_package_joules_total</c>, Kepler zone="package").</summary>
    public const string Package = "package";

    /// <summary>DRAM (RAPL <c>dram</c>; node exporter <c>node_rapl_dram_joules_total</c>, Kepler zone="dram").</summary>
    public const string Dram = "dram";

    /// <summary>All four, in the order the exposition lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Gpu0, Gpu1, Package, Dram];
}

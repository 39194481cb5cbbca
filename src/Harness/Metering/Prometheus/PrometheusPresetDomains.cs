using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// The domains of each <see cref="PrometheusPresets"/> value with <see cref="PrometheusOptions.Selector"/> added to every
/// metric's matchers, and the caveats a reader must know about them.
/// </summary>
internal static class PrometheusPresetDomains
{
    /// <summary>The preset's domains (custom: <see cref="PrometheusOptions.Domains"/> as given).</summary>
    public static IReadOnlyList<PrometheusDomain> Of(PrometheusOptions options)
    {
        var sel = options.Selector.Trim().Trim(',');
        const string counter = PrometheusSeriesKinds.Counter;
        return options.Preset switch
        {
            PrometheusPresets.Dcgm =>
            [
                new(Domains.Gpu, Selector("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", sel), counter, PrometheusUnits.Millijoules, false, true)
                {
                    Fallback = new(Domains.Gpu, Selector("DCGM_FI_DEV_POWER_USAGE", sel), PrometheusSeriesKinds.Power, PrometheusUnits.Watts, false, true),
                },
            ],
            PrometheusPresets.NodeRapl =>
            [
                new(Domains.Package, Selector("node_rapl_package_joules_total", sel), counter, PrometheusUnits.Joules, false, true),
                new(Domains.Dram, Selector("node_rapl_dram_joules_total", sel), counter, PrometheusUnits.Joules, false, true) { Optional = true },
            ],
            PrometheusPresets.KeplerNode or PrometheusPresets.KeplerPod => Kepler(options.Preset == PrometheusPresets.KeplerPod ? "pod" : "node", sel),
            PrometheusPresets.Custom => [.. options.Domains.Select(d => new PrometheusDomain(d.Name, d.Query.Trim(), d.Kind, d.Unit, d.Estimated, d.InTotal))],
            _ => throw new MeterException($"prometheus: Meter:Prometheus:Preset '{options.Preset}' is not one of {string.Join(", ", PrometheusPresets.All)}."),
        };
    }

    /// <summary>What a reader must know about the preset's figures.</summary>
    public static string Notes(string preset) => preset switch
    {
        PrometheusPresets.Dcgm =>
            "GPU board energy only (not the CPU or the rest of the machine). The DCGM exporter reads DCGM once per its own collect interval (dcgm-exporter -c, default 30000 ms): set it to at most the scrape interval, or scrapes repeat stale values.",
        PrometheusPresets.NodeRapl =>
            "RAPL counters (the CPU's own energy model) as node exporter exposes them: the raw energy_uj / 1e6, which wraps at max_energy_range_uj; Prometheus's reset rule then loses (max_energy_range - last value) at each wrap. dram is absent on many CPUs.",
        PrometheusPresets.KeplerNode =>
            "Kepler's node counters: measured where Kepler reads RAPL; on VMs Kepler models the energy instead (then use Preset = custom with Estimated = true).",
        PrometheusPresets.KeplerPod =>
            "Kepler attributes the node's energy to pods by their CPU time: a model, so these figures are ESTIMATED, never measured.",
        _ => "",
    };

    private static List<PrometheusDomain> Kepler(string level, string sel)
    {
        var estimated = level == "pod";
        return
        [
            new(Domains.Package, Selector($"kepler_{level}_cpu_joules_total", Join("zone=\"package\"", sel)), PrometheusSeriesKinds.Counter, PrometheusUnits.Joules, estimated, true),
            new(Domains.Dram, Selector($"kepler_{level}_cpu_joules_total", Join("zone=\"dram\"", sel)), PrometheusSeriesKinds.Counter, PrometheusUnits.Joules, estimated, true) { Optional = true },
        ];
    }

    /// <summary><c>metric{matchers}</c>, or the bare metric name when there are no matchers.</summary>
    public static string Selector(string metric, string matchers) => matchers.Length == 0 ? metric : $"{metric}{{{matchers}}}";

    private static string Join(string first, string rest) => rest.Length == 0 ? first : $"{first},{rest}";
}

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>How a series' value comes from its domain's energy or power, as the real exporter writes it.</summary>
public enum ExporterValueKind
{
    /// <summary>A counter in whole millijoules (the energy rounded down), as DCGM's <c>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION</c>.</summary>
    CounterMillijoules,

    /// <summary>A counter in joules with microjoule resolution (rounded down), as the node exporter divides RAPL's <c>energy_uj</c>.</summary>
    CounterJoulesFromMicrojoules,

    /// <summary>A counter in joules, full double precision, as Kepler's <c>kepler_node_cpu_joules_total</c>.</summary>
    CounterJoules,

    /// <summary>A gauge of the power at the scrape, watts rounded to milliwatts, as DCGM's <c>DCGM_FI_DEV_POWER_USAGE</c>.</summary>
    GaugeWatts,
}

using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// One domain the meter reads: <paramref name="Query"/> is the exact PromQL series selector, <paramref name="Kind"/> counter or
/// power (<see cref="PrometheusSeriesKinds"/>), <paramref name="Unit"/> J, mJ, W or mW. <see cref="Optional"/>: dropped at the
/// start when no series matches (e.g. RAPL dram, absent on many CPUs); <see cref="Fallback"/>: read instead when no series
/// matches (DCGM's power gauge behind its energy counter).
/// </summary>
internal sealed record PrometheusDomain(string Name, string Query, string Kind, string Unit, bool Estimated, bool InTotal)
{
    public bool Optional { get; init; }

    public PrometheusDomain? Fallback { get; init; }

    public bool IsPower => Kind == PrometheusSeriesKinds.Power;

    /// <summary>Factor from the series' unit to J (counter) or W (gauge).</summary>
    public double Factor => PrometheusUnits.Factor(Unit);

    /// <summary>For provenance, e.g. <c>gpu = DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0"} (counter, mJ)</c>.</summary>
    public string Describe() => $"{Name} = {Query} ({Kind}, {Unit}{(Estimated ? ", estimated by the exporter" : "")}{(InTotal ? "" : ", not in total")})";
}

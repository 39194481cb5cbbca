namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// The <c>prometheus</c> meter (<c>Meter:Prometheus</c>): energy counters or power gauges read through a Prometheus server's
/// HTTP API (<c>/api/v1/...</c>). <see cref="MeterOptions.IntervalMs"/> must be the scrape interval of the series.
/// </summary>
public sealed class PrometheusOptions
{
    /// <summary>The API base, e.g. <c>http://127.0.0.1:9090</c> (<c>/api/v1/query</c> is appended). No credentials in it: see the *Variable keys.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9090";

    /// <summary>Which series to read: one of <see cref="PrometheusPresets.All"/> (<c>custom</c>: <see cref="Domains"/>).</summary>
    public string Preset { get; set; } = PrometheusPresets.Dcgm;

    /// <summary>Label matchers without braces added to every preset's series selector, e.g. <c>Hostname="gpu-node-1",gpu="0"</c>; empty for none.</summary>
    public string Selector { get; set; } = "";

    /// <summary>The domains of <see cref="PrometheusPresets.Custom"/>: one PromQL series selector each.</summary>
    public List<PrometheusDomainOptions> Domains { get; set; } = [];

    /// <summary><c>samples</c> (raw scrapes, edge rule at the window's edges) or <c>increase</c> (Prometheus's own extrapolating <c>increase()</c>).</summary>
    public string Method { get; set; } = PrometheusMethods.Samples;

    /// <summary>Windows shorter than two scrape intervals: <c>edges</c> (kept, flagged in WindowEnergy.Approximation) or <c>refuse</c>.</summary>
    public string ShortWindow { get; set; } = PrometheusShortWindows.Edges;

    /// <summary>How often the meter asks Prometheus for new scrapes, seconds.</summary>
    public double PollSeconds { get; set; } = 0.5;

    /// <summary>How long one HTTP request to Prometheus may take, seconds.</summary>
    public double QueryTimeoutSeconds { get; set; } = 10;

    /// <summary>Name of the environment variable holding a bearer token (sent as <c>Authorization: Bearer</c>); empty for none. The token is never stored or shown.</summary>
    public string BearerTokenVariable { get; set; } = "";

    /// <summary>Name of the environment variable holding the basic-auth user; empty for none.</summary>
    public string BasicUserVariable { get; set; } = "";

    /// <summary>Name of the environment variable holding the basic-auth password; empty for none. The password is never stored or shown.</summary>
    public string BasicPasswordVariable { get; set; } = "";

    /// <summary>A copy of these options reading the Prometheus at <paramref name="url"/> instead (a fake run's own); <see cref="Domains"/> is shared.</summary>
    public PrometheusOptions WithUrl(string url)
    {
        var copy = (PrometheusOptions)MemberwiseClone();
        copy.Url = url;
        return copy;
    }
}

/// <summary>One domain of the <c>custom</c> preset: a series selector and how to read it.</summary>
public sealed class PrometheusDomainOptions
{
    /// <summary>The domain's name in results, e.g. <c>gpu</c>, <c>package</c> (not <c>total</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>A PromQL series selector, e.g. <c>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0"}</c> (a range <c>[...]</c> is appended to read raw scrapes).</summary>
    public string Query { get; set; } = "";

    /// <summary><c>counter</c> (cumulative energy) or <c>power</c> (a gauge, integrated with the trapezoid rule).</summary>
    public string Kind { get; set; } = PrometheusSeriesKinds.Counter;

    /// <summary><c>J</c> or <c>mJ</c> for a counter; <c>W</c> or <c>mW</c> for a power gauge.</summary>
    public string Unit { get; set; } = PrometheusUnits.Joules;

    /// <summary>The exporter's figure is itself modelled or attributed (e.g. Kepler per pod, Kepler on a VM): the meter's figures are then estimated.</summary>
    public bool Estimated { get; set; }

    /// <summary>Whether the domain is added into <c>total</c> (false for one nested in another, e.g. core inside package).</summary>
    public bool InTotal { get; set; } = true;
}

/// <summary>Values of <see cref="PrometheusOptions.Preset"/>.</summary>
public static class PrometheusPresets
{
    /// <summary>NVIDIA DCGM exporter: <c>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION</c> (mJ counter per GPU), else <c>DCGM_FI_DEV_POWER_USAGE</c> (W).</summary>
    public const string Dcgm = "dcgm";

    /// <summary>Kepler's node counters <c>kepler_node_cpu_joules_total{zone="package"|"dram"}</c> (J).</summary>
    public const string KeplerNode = "kepler-node";

    /// <summary>Kepler's per-pod counters <c>kepler_pod_cpu_joules_total{zone=...}</c>: attributed by a model, so estimated.</summary>
    public const string KeplerPod = "kepler-pod";

    /// <summary>Node exporter's RAPL collector: <c>node_rapl_package_joules_total</c>, <c>node_rapl_dram_joules_total</c> (J).</summary>
    public const string NodeRapl = "node-rapl";

    /// <summary>The domains of <see cref="PrometheusOptions.Domains"/>.</summary>
    public const string Custom = "custom";

    public static readonly string[] All = [Dcgm, KeplerNode, KeplerPod, NodeRapl, Custom];
}

/// <summary>Values of <see cref="PrometheusOptions.Method"/>.</summary>
public static class PrometheusMethods
{
    /// <summary>Raw scrapes read through a range selector; windows integrated from them.</summary>
    public const string Samples = "samples";

    /// <summary>Prometheus's <c>increase(selector[window])</c> at the window's end (extrapolated to the window's edges).</summary>
    public const string Increase = "increase";

    public static readonly string[] All = [Samples, Increase];
}

/// <summary>Values of <see cref="PrometheusOptions.ShortWindow"/>.</summary>
public static class PrometheusShortWindows
{
    /// <summary>A window shorter than two scrape intervals keeps its edge-rule figure, flagged as approximate.</summary>
    public const string Edges = "edges";

    /// <summary>A window shorter than two scrape intervals is refused.</summary>
    public const string Refuse = "refuse";

    public static readonly string[] All = [Edges, Refuse];
}

/// <summary>Values of <see cref="PrometheusDomainOptions.Kind"/>.</summary>
public static class PrometheusSeriesKinds
{
    /// <summary>A cumulative energy counter.</summary>
    public const string Counter = "counter";

    /// <summary>A power gauge.</summary>
    public const string Power = "power";

    public static readonly string[] All = [Counter, Power];
}

/// <summary>Values of <see cref="PrometheusDomainOptions.Unit"/> and their factors to joules or watts.</summary>
public static class PrometheusUnits
{
    public const string Joules = "J";
    public const string Millijoules = "mJ";
    public const string Watts = "W";
    public const string Milliwatts = "mW";

    /// <summary>The units a series of <paramref name="kind"/> may have.</summary>
    public static string[] For(string kind) => kind == PrometheusSeriesKinds.Power ? [Watts, Milliwatts] : [Joules, Millijoules];

    /// <summary>Factor from the unit to J (counters) or W (gauges): 1 or 0.001.</summary>
    public static double Factor(string unit) => unit is Millijoules or Milliwatts ? 0.001 : 1.0;
}

namespace SlmEnergyBench.Harness.Configuration;

public sealed class MeterOptions
{
    /// <summary><c>powermetrics</c>, <c>rapl</c>, <c>nvml</c>, <c>estimate</c>, <c>prometheus</c>, or <c>auto</c> (the best available here, with the reason).</summary>
    public string Kind { get; set; } = MeterKinds.Powermetrics;

    /// <summary>Sampling (or polling) interval in milliseconds; powermetrics' real interval is read from each sample.</summary>
    public int IntervalMs { get; set; } = 100;

    /// <summary>The powermetrics executable (relative paths are resolved against the repository root).</summary>
    public string Command { get; set; } = "/usr/bin/powermetrics";

    /// <summary>Prefix that runs the command as root without a prompt; empty for none (a fake command).</summary>
    public string SudoPrefix { get; set; } = "sudo -n";

    /// <summary>powermetrics samplers.</summary>
    public string Samplers { get; set; } = "cpu_power,gpu_power";

    /// <summary>How long to wait for the first sample before giving up.</summary>
    public double StartTimeoutSeconds { get; set; } = 10;

    /// <summary>Smallest fraction of a request window that samples must cover for its energy to be reported.</summary>
    public double MinCoverage { get; set; } = 0.98;

    /// <summary>Average power above this (watts, all domains) is not physically plausible for a local machine.</summary>
    public double MaxPlausiblePowerW { get; set; } = 1500;

    /// <summary>Root of the Linux powercap tree (RAPL); tests point it at a fake tree.</summary>
    public string RaplRoot { get; set; } = "/sys/class/powercap";

    /// <summary>NVML library to load; empty for the platform's default (<c>libnvidia-ml.so.1</c>, <c>nvml.dll</c>).</summary>
    public string NvmlLibrary { get; set; } = "";

    /// <summary>CPU utilization source of the estimate meter (Linux <c>/proc/stat</c>); tests point it at scripted files.</summary>
    public string ProcStatPath { get; set; } = "/proc/stat";

    /// <summary>The power model of the estimate meter (machines without any energy counter).</summary>
    public EstimateOptions Estimate { get; set; } = new();

    /// <summary>The <c>prometheus</c> meter: server, series and method (<see cref="IntervalMs"/> is then the scrape interval).</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>A copy of these options sampling every <paramref name="intervalMs"/> ms instead (the meter's overhead measurement); <see cref="Estimate"/> and <see cref="Prometheus"/> are shared.</summary>
    public MeterOptions WithInterval(int intervalMs)
    {
        var copy = (MeterOptions)MemberwiseClone();
        copy.IntervalMs = intervalMs;
        return copy;
    }
}

/// <summary>Parameters of the estimate meter's power model. Every figure it produces is marked estimated.</summary>
public sealed class EstimateOptions
{
    /// <summary>CPU thermal design power, watts. 85 W is CodeCarbon's value for an unknown CPU.</summary>
    public double TdpW { get; set; } = 85;

    /// <summary>Machine power at 0% CPU utilization, watts.</summary>
    public double IdleW { get; set; } = 8.5;
}

public static class MeterKinds
{
    public const string Powermetrics = "powermetrics";
    public const string Rapl = "rapl";
    public const string Nvml = "nvml";
    public const string Estimate = "estimate";
    public const string Prometheus = "prometheus";
    public const string Auto = "auto";
    public static readonly string[] All = [Powermetrics, Rapl, Nvml, Estimate, Prometheus, Auto];
}

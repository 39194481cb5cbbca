namespace SlmEnergyBench.Harness.Configuration;

public sealed class MeterOptions
{
    /// <summary><c>powermetrics</c>.</summary>
    public string Kind { get; set; } = MeterKinds.Powermetrics;

    /// <summary>Requested sampling interval in milliseconds (the real one is read from each sample).</summary>
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
}

public static class MeterKinds
{
    public const string Powermetrics = "powermetrics";
    public static readonly string[] All = [Powermetrics];
}

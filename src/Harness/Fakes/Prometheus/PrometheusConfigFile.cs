using System.Globalization;
using System.Text;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// The generated <c>prometheus.yml</c> (prometheus.io/docs/prometheus/latest/configuration/configuration): a <c>global</c> block with
/// <c>scrape_interval</c> and <c>scrape_timeout</c> in whole milliseconds, and one job per target with one static target. No rule
/// files, alerting or remote write, so nothing leaves the machine.
/// </summary>
internal static class PrometheusConfigFile
{
    /// <exception cref="ArgumentException">No targets, a timeout above the interval, or a non-positive duration.</exception>
    public static string Write(PrometheusServerOptions options)
    {
        var interval = Milliseconds(options.ScrapeIntervalS, nameof(options.ScrapeIntervalS));
        var timeout = Milliseconds(options.ScrapeTimeoutS, nameof(options.ScrapeTimeoutS));
        if (timeout > interval)
            throw new ArgumentException($"ScrapeTimeoutS ({options.ScrapeTimeoutS} s) must not exceed ScrapeIntervalS ({options.ScrapeIntervalS} s): Prometheus refuses such a configuration.");
        if (options.Targets.Count == 0)
            throw new ArgumentException("Give at least one target for Prometheus to scrape.");
        var yaml = new StringBuilder()
            .Append("global:\n")
            .Append(CultureInfo.InvariantCulture, $"  scrape_interval: {interval}ms\n")
            .Append(CultureInfo.InvariantCulture, $"  scrape_timeout: {timeout}ms\n")
            .Append("scrape_configs:\n");
        foreach (var target in options.Targets)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - job_name: {Quoted(target.Job)}\n")
                .Append(CultureInfo.InvariantCulture, $"    honor_timestamps: {(options.HonorTimestamps ? "true" : "false")}\n")
                .Append("    static_configs:\n")
                .Append(CultureInfo.InvariantCulture, $"      - targets: [{Quoted(target.HostPort)}]\n");
        }
        return yaml.ToString();
    }

    private static long Milliseconds(double seconds, string name)
    {
        var ms = (long)Math.Round(seconds * 1000);
        if (!double.IsFinite(seconds) || ms < 1)
            throw new ArgumentException($"{name} must be at least 0.001 s, not {seconds}.", name);
        return ms;
    }

    // A YAML double-quoted scalar.
    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

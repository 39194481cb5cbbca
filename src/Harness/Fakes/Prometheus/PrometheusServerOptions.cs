namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>One scrape job of the generated configuration: its name and one static target, <c>host:port</c>.</summary>
public sealed record PrometheusTarget(string Job, string HostPort);

/// <summary>How <see cref="PrometheusServer"/> finds, configures and waits for a Prometheus.</summary>
public sealed class PrometheusServerOptions
{
    /// <summary>The <c>prometheus</c> executable; null looks for <c>/usr/bin/prometheus</c>, then on PATH.</summary>
    public string? Binary { get; init; }

    /// <summary>The jobs to scrape, one target each (at least one).</summary>
    public required IReadOnlyList<PrometheusTarget> Targets { get; init; }

    /// <summary>The global <c>scrape_interval</c>, seconds (whole milliseconds); default 1 s.</summary>
    public double ScrapeIntervalS { get; init; } = 1;

    /// <summary>The global <c>scrape_timeout</c>, seconds; Prometheus requires it &lt;= the interval. Default 0.8 s.</summary>
    public double ScrapeTimeoutS { get; init; } = 0.8;

    /// <summary>
    /// <c>honor_timestamps</c> of every job: true (Prometheus's default) keeps timestamps the exporter writes; false stamps every
    /// sample with the scrape's start.
    /// </summary>
    public bool HonorTimestamps { get; init; } = true;

    /// <summary>
    /// How long <see cref="PrometheusServer.StartAsync"/> waits for <c>/-/ready</c> and the first successful scrape of every target;
    /// 60 s (Prometheus starts in about a second, a loaded 2-core machine may take longer).
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>What the <see cref="FakeEnergyExporter"/> serves and how.</summary>
public sealed class FakeEnergyExporterOptions
{
    /// <summary>The power behind every counter and gauge (required).</summary>
    public required IExporterPower Power { get; init; }

    /// <summary>The clock of the served instants; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether each sample line ends with an explicit timestamp (<c>value timestamp_ms</c>), which Prometheus keeps by default
    /// (<c>honor_timestamps: true</c>); the values are then computed at exactly that millisecond. Off by default, as real DCGM and
    /// node exporters send none (Prometheus then stamps the scrape's start).
    /// </summary>
    public bool Timestamps { get; init; }

    /// <summary>The node's name in the <c>Hostname</c> (DCGM) and <c>node_name</c> (Kepler) labels.</summary>
    public string Hostname { get; init; } = "fake-node";

    /// <summary>
    /// What every counter holds when the exporter starts, joules (real counters count from the driver's load or the machine's boot,
    /// so a meter must take differences); a counter reset restarts from 0. Default 5000 J.
    /// </summary>
    public double CounterStartJ { get; init; } = 5000;

    /// <summary>How long a <see cref="MissedScrape.TooSlow"/> answer waits before its 503: 2 s, past a scrape timeout of 1 s or less.</summary>
    public TimeSpan SlowAnswer { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>When set, every scrape is also appended to this file as one JSON line (<see cref="ExporterScrape"/>), for a run folder.</summary>
    public string? TruthLogPath { get; init; }
}

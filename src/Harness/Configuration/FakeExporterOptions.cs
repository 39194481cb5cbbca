namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// The fake energy exporter of a fake run with <c>Meter:Kind = prometheus</c> (profile <c>fake-prometheus</c>): the in-process
/// exporter whose DCGM, node-exporter and Kepler counters follow the fake servers' power, scraped by a real Prometheus the run
/// starts on loopback. Its scripted faults show the meter's handling of a counter reset and a missed scrape.
/// </summary>
public sealed class FakeExporterOptions
{
    /// <summary>Seconds after the exporter starts at which every counter restarts from 0 (an exporter or driver restart); 0 for none.</summary>
    public double ResetAfterSeconds { get; set; }

    /// <summary>Seconds after the exporter starts at which it begins to miss scrapes (answers 503); 0 for none.</summary>
    public double MissAfterSeconds { get; set; }

    /// <summary>
    /// How long it misses scrapes from <see cref="MissAfterSeconds"/>, seconds: a span of n scrape intervals holds n scrapes (1 misses
    /// one at 1 s). More than two in a row outlast the meter's wait for the scrape after a window's end, and that case fails its coverage.
    /// </summary>
    public double MissSeconds { get; set; } = 1;

    /// <summary>
    /// Whether each scrape carries an explicit timestamp (the instant the counters were computed), which Prometheus keeps: the
    /// exporter's truth log then holds Prometheus's exact samples. Real DCGM and node exporters send none (Prometheus then stamps
    /// the scrape's start, milliseconds before the exporter reads its counters).
    /// </summary>
    public bool Timestamps { get; set; } = true;

    /// <summary>DRAM's constant power, watts (node-exporter and Kepler dram series).</summary>
    public double DramPowerW { get; set; } = 1.5;

    /// <summary>The Prometheus executable; empty for <c>/usr/bin/prometheus</c> or <c>prometheus</c> on PATH.</summary>
    public string PrometheusBinary { get; set; } = "";
}

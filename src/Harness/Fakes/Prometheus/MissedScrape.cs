using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>How the exporter misses a scrape it was scripted to miss; either way Prometheus stores no sample for that scrape.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissedScrape>))]
public enum MissedScrape
{
    /// <summary>Answers 503 Service Unavailable at once.</summary>
    Unavailable,

    /// <summary>Answers only after <see cref="FakeEnergyExporterOptions.SlowAnswer"/>, past Prometheus's scrape timeout.</summary>
    TooSlow,
}

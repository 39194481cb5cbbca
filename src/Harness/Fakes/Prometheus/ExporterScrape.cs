using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// One <c>/metrics</c> request the fake exporter answered: the truth a test compares Prometheus's samples with.
/// </summary>
/// <param name="ServedUnixS">When the values were computed, Unix seconds (with explicit timestamps: exactly the written timestamp).</param>
/// <param name="Missed">Null when served; otherwise the scripted fault that answered instead (<see cref="MissedScrape"/>).</param>
/// <param name="Values">Each series' value by <see cref="ExporterSeries.Key"/>, in the series' own unit; empty when missed.</param>
public sealed record ExporterScrape(
    double ServedUnixS,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MissedScrape? Missed,
    IReadOnlyDictionary<string, double> Values);

using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>Where an energy figure comes from: the meter, the domains it covers and the method.</summary>
/// <param name="Meter">Meter name, e.g. <c>powermetrics</c>.</param>
/// <param name="Domains">Domain names this meter reports, <see cref="Metering.Domains.Total"/> included.</param>
/// <param name="Method">Measured by a counter or estimated by a model.</param>
/// <param name="Source">What exactly is read, e.g. "powermetrics plist processor.cpu_energy, gpu_energy, ane_energy (mJ per sample)".</param>
/// <param name="Notes">Caveats a reader must know (e.g. Apple documents these values as estimates not comparable across devices).</param>
public sealed record EnergyProvenance(
    string Meter,
    IReadOnlyList<string> Domains,
    EnergyMethod Method,
    string Source,
    string Notes)
{
    /// <summary>The power model behind an <see cref="EnergyMethod.Estimated"/> figure, for run.json; null for measured ones.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PowerModelDescription? Model { get; init; }

    /// <summary>
    /// The rule applied at the window's edges, in words (<see cref="EdgeRules.Describe"/>): set on every case's
    /// provenance and on the run's; null where no window was split (e.g. a meter's own description before a run).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EdgeRule { get; init; }
}

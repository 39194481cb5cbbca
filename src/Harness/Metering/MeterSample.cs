using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One raw sample of a meter: the energy per domain spent over [<see cref="StartS"/>, <see cref="EndS"/>]
/// on the session timeline (seconds, see <see cref="Timing.SessionClock"/>). Energies in joules.
/// </summary>
public sealed record MeterSample(double StartS, double EndS, IReadOnlyDictionary<string, double> EnergyJ)
{
    public double DurationS => EndS - StartS;

    /// <summary>This sample without its <see cref="Domains.Total"/> (<see cref="Domains.WithoutTotal"/>).</summary>
    public MeterSample WithoutTotal() => this with { EnergyJ = Domains.WithoutTotal(EnergyJ) };

    /// <summary>
    /// The machine's thermal pressure during the sample as the meter reported it (powermetrics' <c>thermal_pressure</c>:
    /// <c>Nominal</c>, <c>Moderate</c>, <c>Heavy</c>, <c>Trapping</c>, <c>Sleeping</c>); null for meters that report none
    /// (and then absent from <c>samples.jsonl</c>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThermalPressure { get; init; }
}

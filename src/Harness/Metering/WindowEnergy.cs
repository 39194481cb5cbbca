using System.Text.Json.Serialization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The energy of a window [StartS, EndS] per domain. <see cref="Coverage"/> is the fraction of the window
/// that samples cover (1 = fully covered); <see cref="SampleCount"/> the number of samples that overlap it.
/// </summary>
public sealed record WindowEnergy(
    double StartS,
    double EndS,
    IReadOnlyDictionary<string, DomainEnergy> Domains,
    int SampleCount,
    double Coverage)
{
    public double DurationS => EndS - StartS;

    /// <summary>
    /// Null when the figures come straight from the samples; otherwise how they were approximated
    /// (e.g. NVML's energy counter did not advance within a very short window, so power x duration was used).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Approximation { get; init; }
}

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

    /// <summary>
    /// How the energy of samples straddling the window's edges was split (<see cref="EdgeRules.ProRata"/> or
    /// <see cref="EdgeRules.IdleAttributed"/>); <see cref="Domains"/> holds the figures of this rule.
    /// Records written before the rule existed read back as pro rata, which is what they used.
    /// </summary>
    public string EdgeRule { get; init; } = EdgeRules.ProRata;

    /// <summary>Joules per domain by the plain pro-rata rule, kept beside the figure of <see cref="EdgeRule"/> for comparison.</summary>
    public IReadOnlyDictionary<string, double> ProRataJoules { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Joules per domain of <see cref="Domains"/> that came from edge samples under <see cref="EdgeRule"/> (the rest came from whole samples).</summary>
    public IReadOnlyDictionary<string, double> EdgeJoules { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The samples straddling the window's start or end (at most two per meter; one when a sample holds the whole window), with their whole energies.</summary>
    public IReadOnlyList<EdgeSample> EdgeSamples { get; init; } = [];

    /// <summary>The domains whose sum is <see cref="Metering.Domains.Total"/> (e.g. cpu, gpu, ane); empty when the meter gives no total.</summary>
    public IReadOnlyList<string> TotalOf { get; init; } = [];
}

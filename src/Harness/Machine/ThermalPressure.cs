using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// The thermal pressure the meter reported over a run (powermetrics' <c>thermal_pressure</c>, one value per sample, see
/// <see cref="MeterSample.ThermalPressure"/>): how many samples and seconds at each level. Any level but
/// <see cref="Nominal"/> means macOS was slowing the machine down to cool it, so its time and energy per token are not the
/// same machine's.
/// </summary>
/// <param name="Samples">Samples per level, in the order of <see cref="Levels"/>, then levels outside it in order of appearance.</param>
/// <param name="Seconds">Seconds of samples per level, in the same order, s.</param>
/// <param name="NotNominalSamples">Samples at any level other than <see cref="Nominal"/>.</param>
/// <param name="NotNominalS">Their seconds, s.</param>
/// <param name="FirstNotNominalS">Where the first of them started on the session timeline, s; null when there is none.</param>
/// <param name="ReadFrom">The key read: <c>powermetrics thermal_pressure</c>.</param>
public sealed record ThermalPressure(
    IReadOnlyDictionary<string, int> Samples,
    IReadOnlyDictionary<string, double> Seconds,
    int NotNominalSamples,
    double NotNominalS,
    double? FirstNotNominalS,
    string ReadFrom)
{
    /// <summary>No thermal pressure on the machine.</summary>
    public const string Nominal = "Nominal";

    /// <summary>The levels powermetrics reports, from none to the most (macOS's thermal pressure levels).</summary>
    public static readonly IReadOnlyList<string> Levels = [Nominal, "Moderate", "Heavy", "Trapping", "Sleeping"];

    /// <summary>True when any sample was at another level than <see cref="Nominal"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Throttled => NotNominalSamples > 0;

    /// <summary>The summary of every sample that carries a level; null when none does (a meter other than powermetrics).</summary>
    public static ThermalPressure? Of(IEnumerable<MeterSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var withLevel = samples.Where(s => s.ThermalPressure is not null).ToList();
        if (withLevel.Count == 0)
            return null;
        var order = Levels.Concat(withLevel.Select(s => s.ThermalPressure!)).Distinct(StringComparer.Ordinal).ToList();
        var groups = withLevel.GroupBy(s => s.ThermalPressure!, StringComparer.Ordinal).OrderBy(g => order.IndexOf(g.Key)).ToList();
        var hot = withLevel.Where(s => s.ThermalPressure != Nominal).ToList();
        return new ThermalPressure(
            groups.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            groups.ToDictionary(g => g.Key, g => g.Sum(s => s.DurationS), StringComparer.Ordinal),
            hot.Count,
            hot.Sum(s => s.DurationS),
            hot.Count == 0 ? null : hot.Min(s => s.StartS),
            "powermetrics thermal_pressure");
    }

    /// <summary>"Nominal in all 600 samples", "Nominal 580 samples (60.2 s), Heavy 20 samples (2.1 s)".</summary>
    public string Describe() => Samples.Count == 1 && !Throttled
        ? string.Create(CultureInfo.InvariantCulture, $"{Nominal} in all {Samples[Nominal]} samples")
        : string.Join(", ", Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value} samples ({Seconds[s.Key]:0.0} s)")));
}

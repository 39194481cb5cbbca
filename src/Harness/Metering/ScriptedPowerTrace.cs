using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// A piecewise-constant power trace: <see cref="BaselineW"/> everywhere, replaced by a segment's power
/// inside it (a domain a segment does not name keeps its baseline). Segments must not overlap.
/// Energies are integrated exactly.
/// </summary>
public sealed class ScriptedPowerTrace
{
    public ScriptedPowerTrace(IReadOnlyDictionary<string, double> baselineW, IEnumerable<ScriptedPowerSegment>? segments = null)
    {
        ArgumentNullException.ThrowIfNull(baselineW);
        BaselineW = baselineW;
        Segments = [.. (segments ?? []).OrderBy(s => s.FromS)];
        for (var i = 0; i < Segments.Count; i++)
        {
            var s = Segments[i];
            if (!(s.ToS > s.FromS))
                throw new ArgumentException(Invariant($"segment [{s.FromS}, {s.ToS}) is empty"), nameof(segments));
            if (i > 0 && s.FromS < Segments[i - 1].ToS)
                throw new ArgumentException(Invariant($"segment [{s.FromS}, {s.ToS}) overlaps the one before it"), nameof(segments));
        }

        Domains = [.. BaselineW.Keys.Concat(Segments.SelectMany(s => s.PowerW.Keys)).Distinct(StringComparer.Ordinal)];
    }

    public IReadOnlyDictionary<string, double> BaselineW { get; }

    public IReadOnlyList<ScriptedPowerSegment> Segments { get; }

    /// <summary>Every domain the baseline or a segment names.</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Power per domain at <paramref name="t"/> (watts).</summary>
    public IReadOnlyDictionary<string, double> PowerAt(double t)
    {
        var segment = Segments.FirstOrDefault(s => s.FromS <= t && t < s.ToS);
        return Domains.ToDictionary(d => d, d => Watts(segment, d), StringComparer.Ordinal);
    }

    /// <summary>Exact energy per domain over [<paramref name="fromS"/>, <paramref name="toS"/>] (joules).</summary>
    public IReadOnlyDictionary<string, double> EnergyJ(double fromS, double toS)
    {
        var energy = Domains.ToDictionary(d => d, d => Watts(null, d) * (toS - fromS), StringComparer.Ordinal);
        foreach (var segment in Segments)
        {
            var overlap = Math.Min(toS, segment.ToS) - Math.Max(fromS, segment.FromS);
            if (overlap <= 0)
                continue;
            foreach (var d in Domains)
                energy[d] += (Watts(segment, d) - Watts(null, d)) * overlap;
        }

        return energy;
    }

    private double Watts(ScriptedPowerSegment? segment, string domain) =>
        segment is not null && segment.PowerW.TryGetValue(domain, out var w) ? w : BaselineW.GetValueOrDefault(domain);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

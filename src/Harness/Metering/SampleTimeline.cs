using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Thread-safe, ordered store of <see cref="MeterSample"/>s on the session timeline, and the energy of any
/// window from them. Samples never overlap; gaps between them are allowed (and are uncovered time).
/// </summary>
/// <remarks>
/// <para>A sample that straddles a window edge counts pro rata here: energy x overlap / sample duration (power
/// taken as constant within the sample). Such samples are kept in <see cref="WindowEnergy.EdgeSamples"/>, so that
/// <see cref="EdgeAttribution.Apply"/> can split them by the measured idle power instead, which is right for a
/// busy window between idle stretches (pro rata puts idle power into the busy window at both edges).</para>
/// <para>The <see cref="Domains.Total"/> domain is added to each stored sample as the sum of the
/// <see cref="TotalOf"/> domains, unless the sample already has one. A sample that lacks one of the
/// <see cref="TotalOf"/> domains not listed as optional gets no total: a total is never silently partial.</para>
/// </remarks>
public sealed class SampleTimeline
{
    /// <summary>Overlap tolerated between consecutive samples (floating-point noise of chained sums), seconds.</summary>
    public const double ToleranceS = 1e-9;

    private readonly Lock _gate = new();
    private readonly List<MeterSample> _samples = [];

    /// <param name="totalOf">The meter's non-overlapping domains whose sum is <see cref="Domains.Total"/>; none for no total.</param>
    /// <param name="optionalInTotal">Domains of <paramref name="totalOf"/> added when present but not required (e.g. ANE, absent on some OS versions).</param>
    public SampleTimeline(IEnumerable<string>? totalOf = null, IEnumerable<string>? optionalInTotal = null)
    {
        TotalOf = totalOf?.ToArray() ?? [];
        OptionalInTotal = optionalInTotal?.ToArray() ?? [];
    }

    public IReadOnlyList<string> TotalOf { get; }

    public IReadOnlyList<string> OptionalInTotal { get; }

    public int Count
    {
        get { lock (_gate) return _samples.Count; }
    }

    /// <summary>End of the last sample, or null when there is none.</summary>
    public double? LastEndS
    {
        get { lock (_gate) return _samples.Count == 0 ? null : _samples[^1].EndS; }
    }

    /// <summary>Start of the first sample, or null when there is none.</summary>
    public double? FirstStartS
    {
        get { lock (_gate) return _samples.Count == 0 ? null : _samples[0].StartS; }
    }

    /// <summary>A copy of all samples, in order.</summary>
    public IReadOnlyList<MeterSample> Samples
    {
        get { lock (_gate) return [.. _samples]; }
    }

    /// <summary>
    /// A copy of the samples overlapping [<paramref name="startS"/>, <paramref name="endS"/>] (s), in order: found by binary
    /// search, so its cost is that of the window's samples, not of the whole run's (<see cref="Samples"/> copies them all).
    /// </summary>
    public IReadOnlyList<MeterSample> Overlapping(double startS, double endS)
    {
        lock (_gate)
        {
            var (first, end) = RangeOf(startS, endS);
            return _samples.GetRange(first, end - first);
        }
    }

    /// <summary>A copy of the samples from index <paramref name="index"/> on (none when it is at or past the end), in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public IReadOnlyList<MeterSample> From(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        lock (_gate)
            return index >= _samples.Count ? [] : _samples.GetRange(index, _samples.Count - index);
    }

    /// <summary>Appends a sample (after the last one) and returns it as stored, with its total.</summary>
    public MeterSample Add(MeterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!double.IsFinite(sample.StartS) || !double.IsFinite(sample.EndS) || sample.EndS <= sample.StartS)
            throw new ArgumentException(Invariant($"sample [{sample.StartS}, {sample.EndS}] has no positive finite duration"), nameof(sample));
        foreach (var (domain, joules) in sample.EnergyJ)
        {
            if (!double.IsFinite(joules) || joules < 0)
                throw new ArgumentException(Invariant($"sample energy {domain} = {joules} J is not a finite non-negative number"), nameof(sample));
        }

        var stored = WithTotal(sample);
        lock (_gate)
        {
            if (_samples.Count > 0 && stored.StartS < _samples[^1].EndS - ToleranceS)
                throw new ArgumentException(Invariant($"sample starting at {stored.StartS} s overlaps the previous one ending at {_samples[^1].EndS} s"), nameof(sample));
            _samples.Add(stored);
        }

        return stored;
    }

    /// <summary>Moves the samples from <paramref name="index"/> on by <paramref name="deltaS"/> (negative: earlier).</summary>
    public void ShiftFrom(int index, double deltaS)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _samples.Count);
            if (index == _samples.Count || deltaS == 0)
                return;
            if (index > 0 && _samples[index].StartS + deltaS < _samples[index - 1].EndS - ToleranceS)
                throw new ArgumentException(Invariant($"shifting by {deltaS} s would overlap the sample before index {index}"), nameof(deltaS));
            for (var i = index; i < _samples.Count; i++)
            {
                var s = _samples[i];
                _samples[i] = s with { StartS = s.StartS + deltaS, EndS = s.EndS + deltaS };
            }
        }
    }

    /// <summary>
    /// Energy per domain over [<paramref name="startS"/>, <paramref name="endS"/>] by the pro-rata rule at the
    /// edges (<see cref="EdgeRules.ProRata"/>), with the edge samples kept so that
    /// <see cref="EdgeAttribution.Apply"/> can split them by idle power instead. A domain is reported only
    /// when every overlapping sample carries it (otherwise its figure would be partial). With no overlapping
    /// sample, the result has no domains, no samples and coverage 0.
    /// </summary>
    public WindowEnergy Integrate(double startS, double endS)
    {
        if (!double.IsFinite(startS) || !double.IsFinite(endS) || endS <= startS)
            throw new ArgumentOutOfRangeException(nameof(endS), Invariant($"window [{startS}, {endS}] must be finite and end after it starts"));

        var joules = new Dictionary<string, double>(StringComparer.Ordinal);
        var edgeJoules = new Dictionary<string, double>(StringComparer.Ordinal);
        var peak = new Dictionary<string, double>(StringComparer.Ordinal);
        var edges = new List<EdgeSample>();
        HashSet<string>? common = null;
        var covered = 0.0;
        var count = 0;
        lock (_gate)
        {
            var (first, end) = RangeOf(startS, endS);
            for (var i = first; i < end; i++)
            {
                var s = _samples[i];
                var overlap = Math.Min(s.EndS, endS) - Math.Max(s.StartS, startS);
                if (overlap <= 0)
                    continue;
                count++;
                covered += overlap;
                var edge = overlap < s.DurationS;
                if (edge)
                {
                    // At the start edge, the whole sample before it (inside the idle pause): it shows whether the time
                    // just outside the window was idle (see EdgeAttribution). None after the end edge: that sample has
                    // usually not arrived when a window is measured, and it may already hold the next request.
                    var neighbour = s.StartS < startS && i > 0 ? _samples[i - 1] : null;
                    edges.Add(new EdgeSample(s.StartS, s.EndS, overlap, s.EnergyJ) { OutsideNeighbour = neighbour });
                }
                if (common is null)
                    common = [.. s.EnergyJ.Keys];
                else
                    common.IntersectWith(s.EnergyJ.Keys);
                foreach (var (domain, energy) in s.EnergyJ)
                {
                    var inside = energy * overlap / s.DurationS;
                    joules[domain] = joules.GetValueOrDefault(domain) + inside;
                    if (edge)
                        edgeJoules[domain] = edgeJoules.GetValueOrDefault(domain) + inside;
                    peak[domain] = Math.Max(peak.GetValueOrDefault(domain), energy / s.DurationS);
                }
            }
        }

        var duration = endS - startS;
        var domains = (common ?? []).ToDictionary(
            d => d,
            d => new DomainEnergy(joules[d], joules[d] / duration, peak[d]),
            StringComparer.Ordinal);
        return new WindowEnergy(startS, endS, domains, count, Math.Min(1.0, covered / duration))
        {
            ProRataJoules = domains.ToDictionary(d => d.Key, d => d.Value.Joules, StringComparer.Ordinal),
            EdgeJoules = domains.Keys.ToDictionary(d => d, d => edgeJoules.GetValueOrDefault(d), StringComparer.Ordinal),
            EdgeSamples = edges,
            TotalOf = TotalOf,
        };
    }

    /// <summary>
    /// The index range [First, End) of the samples overlapping [<paramref name="startS"/>, <paramref name="endS"/>]: from the first
    /// ending after the start (binary search) to the first starting at or after the end. Call under the lock.
    /// </summary>
    private (int First, int End) RangeOf(double startS, double endS)
    {
        var first = FirstEndingAfter(startS);
        var end = first;
        while (end < _samples.Count && _samples[end].StartS < endS)
            end++;
        return (first, end);
    }

    /// <summary>Index of the first sample whose end is after <paramref name="t"/> (samples are ordered, so ends are too).</summary>
    private int FirstEndingAfter(double t)
    {
        int lo = 0, hi = _samples.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_samples[mid].EndS <= t)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private MeterSample WithTotal(MeterSample sample)
    {
        if (TotalOf.Count == 0 || sample.EnergyJ.ContainsKey(Domains.Total))
            return sample;
        if (TotalOf.Any(d => !sample.EnergyJ.ContainsKey(d) && !OptionalInTotal.Contains(d)))
            return sample;
        var parts = TotalOf.Where(sample.EnergyJ.ContainsKey).ToArray();
        var energy = new Dictionary<string, double>(sample.EnergyJ, StringComparer.Ordinal)
        {
            [Domains.Total] = parts.Sum(d => sample.EnergyJ[d]),
        };
        return sample with { EnergyJ = energy };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

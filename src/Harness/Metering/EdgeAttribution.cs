namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Splits the samples that straddle a window's edges by the idle power measured for the model
/// (<see cref="EdgeRules.IdleAttributed"/>), instead of pro rata.
/// </summary>
/// <remarks>
/// <para>Why: a request window sits between idle stretches (the protocol pauses at least two meter intervals
/// before each request). A sample of length d that straddles an edge with o seconds inside holds
/// E = P_idle x (d - o) + (the busy energy inside). Pro rata gives E x o / d, which puts idle power into the busy
/// window and under-counts every request, the more the shorter it is. Charging the outside part at the measured
/// idle power gives inside = E - P_idle x (d - o), exact when the outside part really is idle at that power.
/// A constant offset between the meter's clock and the harness's cancels out under this rule (what one edge
/// loses the other gains), while pro rata loses it at both.</para>
/// <para>The rule's premise is checked for every window: when the whole sample before its start edge (in the idle
/// pause) drew clearly more than the idle power (other work ran there, e.g. on a busy machine), the edges keep their
/// pro-rata share and <see cref="WindowEnergy.Approximation"/> says so.</para>
/// <para>Per domain d and edge sample s: inside = clamp(E_s,d - P_idle,d x outside_s, 0, E_s,d). A domain without a
/// measured idle power keeps its pro-rata share. The total is the pro-rata total plus the changes of the domains
/// it is the sum of (<see cref="WindowEnergy.TotalOf"/>), so it stays the sum of its parts; a meter whose
/// samples carry their own total (no <see cref="WindowEnergy.TotalOf"/>) has it split like a domain.</para>
/// </remarks>
public static class EdgeAttribution
{
    /// <summary>
    /// The window with its edge samples split by <paramref name="idlePowerW"/> (watts per domain, e.g. an
    /// <see cref="Results.IdleMeasurement.PowerW"/>): <see cref="WindowEnergy.Domains"/> holds the attributed joules
    /// and average powers (peaks are unchanged), <see cref="WindowEnergy.ProRataJoules"/> keeps the pro-rata
    /// figures, <see cref="WindowEnergy.EdgeJoules"/> says how much of each domain came from edge samples, and
    /// <see cref="WindowEnergy.EdgeRule"/> is <see cref="EdgeRules.IdleAttributed"/>. A window without edge samples
    /// is returned with the rule set and nothing else changed.
    /// </summary>
    /// <exception cref="ArgumentException">An idle power is negative or not finite.</exception>
    public static WindowEnergy Apply(WindowEnergy window, IReadOnlyDictionary<string, double> idlePowerW)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(idlePowerW);
        foreach (var (domain, watts) in idlePowerW)
        {
            if (!double.IsFinite(watts) || watts < 0)
                throw new ArgumentException($"idle power of {domain} is {watts} W: it must be a finite non-negative number", nameof(idlePowerW));
        }

        var notIdle = NotIdleOutside(window.EdgeSamples, idlePowerW);
        var ownTotal = window.TotalOf.Count == 0;
        var joules = new Dictionary<string, double>(StringComparer.Ordinal);
        var edgeJoules = new Dictionary<string, double>(StringComparer.Ordinal);
        var edgePeaks = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var domain in window.Domains.Keys.Where(d => d != Domains.Total || ownTotal))
        {
            var proRata = window.Domains[domain].Joules;
            var proRataEdge = window.EdgeJoules.GetValueOrDefault(domain);
            if (!idlePowerW.TryGetValue(domain, out var idle))
            {
                (joules[domain], edgeJoules[domain]) = (proRata, proRataEdge);
                continue;
            }

            var parts = window.EdgeSamples
                .Where(s => s.EnergyJ.ContainsKey(domain))
                .Select(s => (s.InsideS, Joules: notIdle.ContainsKey(s)
                    ? s.EnergyJ[domain] * s.InsideS / s.DurationS
                    : Math.Clamp(s.EnergyJ[domain] - (idle * s.OutsideS), 0, s.EnergyJ[domain])))
                .ToList();
            var attributedEdge = parts.Sum(p => p.Joules);
            joules[domain] = proRata - proRataEdge + attributedEdge;
            edgeJoules[domain] = attributedEdge;
            // An edge sample's part inside the window now has a power of its own (above the sample's average when the rest was idle):
            // the window's peak is at least that, and never below the window's average (a total made of parts takes the latter).
            edgePeaks[domain] = parts.Where(p => p.InsideS > 0).Select(p => p.Joules / p.InsideS).DefaultIfEmpty(0).Max();
        }

        if (!ownTotal && window.Domains.TryGetValue(Domains.Total, out var total))
        {
            var parts = window.TotalOf.Where(joules.ContainsKey).ToArray();
            joules[Domains.Total] = total.Joules + parts.Sum(d => joules[d] - window.Domains[d].Joules);
            edgeJoules[Domains.Total] = window.EdgeJoules.GetValueOrDefault(Domains.Total) + parts.Sum(d => edgeJoules[d] - window.EdgeJoules.GetValueOrDefault(d));
        }

        var duration = window.DurationS;
        return window with
        {
            Domains = window.Domains.ToDictionary(
                d => d.Key,
                d => d.Value with
                {
                    Joules = joules[d.Key],
                    AveragePowerW = joules[d.Key] / duration,
                    PeakPowerW = Math.Max(Math.Max(d.Value.PeakPowerW, edgePeaks.GetValueOrDefault(d.Key)), joules[d.Key] / duration),
                },
                StringComparer.Ordinal),
            EdgeJoules = edgeJoules,
            EdgeRule = EdgeRules.IdleAttributed,
            Approximation = notIdle.Count == 0
                ? window.Approximation
                : string.Join(" ", new[] { window.Approximation, NotIdleNote(notIdle, idlePowerW) }.OfType<string>()),
        };
    }

    /// <summary>How much above the idle power the sample next to an edge may draw and still count as idle: 25% plus <see cref="NotIdleMarginW"/>.</summary>
    public const double NotIdleFactor = 1.25;

    /// <summary>Absolute margin of the idle check, watts (whole-millijoule samples of a few hundred mW are that coarse).</summary>
    public const double NotIdleMarginW = 0.25;

    /// <summary>
    /// The edge samples whose outside part was not idle, with the power of the sample next to them that shows it: a
    /// neighbour drawing more than <see cref="NotIdleFactor"/> x the idle power + <see cref="NotIdleMarginW"/> (over the
    /// domains with an idle power) means other work ran there, which the rule would otherwise put into the window. The
    /// end edge has no neighbour (the sample after it may hold the next request) and follows the start edge's verdict.
    /// </summary>
    private static Dictionary<EdgeSample, double> NotIdleOutside(IReadOnlyList<EdgeSample> edges, IReadOnlyDictionary<string, double> idlePowerW)
    {
        var verdicts = new Dictionary<EdgeSample, double>(ReferenceEqualityComparer.Instance);
        double? seen = null;
        foreach (var edge in edges)
        {
            if (edge.OutsideNeighbour is not { } neighbour)
                continue;
            var domains = neighbour.EnergyJ.Keys.Where(d => d != Domains.Total && idlePowerW.ContainsKey(d)).ToArray();
            if (domains.Length == 0)
                continue;
            var power = domains.Sum(d => neighbour.EnergyJ[d]) / neighbour.DurationS;
            if (power > (domains.Sum(d => idlePowerW[d]) * NotIdleFactor) + NotIdleMarginW)
            {
                verdicts[edge] = power;
                seen = power;
            }
        }

        if (seen is { } other)
        {
            foreach (var edge in edges.Where(e => e.OutsideNeighbour is null))
                verdicts[edge] = other;
        }

        return verdicts;
    }

    private static string NotIdleNote(Dictionary<EdgeSample, double> notIdle, IReadOnlyDictionary<string, double> idlePowerW)
    {
        var idle = idlePowerW.Where(p => p.Key != Domains.Total).Sum(p => p.Value);
        return FormattableString.Invariant(
            $"Edge rule not applied to {notIdle.Count} edge sample(s), kept pro rata: next to the window the machine drew {notIdle.Values.Max():0.###} W, above {NotIdleFactor:0.##} x its idle {idle:0.###} W + {NotIdleMarginW:0.##} W, so the time outside the window was not idle.");
    }
}

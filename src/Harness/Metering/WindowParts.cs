namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One window from the windows of a meter's parts over the same [start, end] (a composite's CPU and GPU sides, the Prometheus meter's
/// targets): their domains side by side, the sample counts added, the lowest coverage, each part's edge samples without its own total.
/// </summary>
internal static class WindowParts
{
    /// <summary>
    /// Combines <paramref name="parts"/>. The whole's total (in the domains, the pro rata and the edge joules) is the totals of
    /// <paramref name="totalParts"/> added, and only when each of them has one: never a partial total. Approximation is left to the caller.
    /// </summary>
    /// <param name="startS">The window's start, session seconds.</param>
    /// <param name="endS">The window's end, session seconds.</param>
    /// <param name="parts">Each part's window over [<paramref name="startS"/>, <paramref name="endS"/>]; their domains must be disjoint.</param>
    /// <param name="totalParts">The parts whose domains make up the total (of <paramref name="parts"/>); none: no total.</param>
    /// <param name="counted">The message when a domain comes from two parts, given the domain's name.</param>
    /// <exception cref="MeterException">Two parts report one domain (<paramref name="counted"/>).</exception>
    public static WindowEnergy Combine(double startS, double endS, IReadOnlyList<WindowEnergy> parts, IReadOnlyList<WindowEnergy> totalParts, Func<string, string> counted)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(totalParts);
        ArgumentNullException.ThrowIfNull(counted);
        var domains = new Dictionary<string, DomainEnergy>(StringComparer.Ordinal);
        foreach (var (name, energy) in parts.SelectMany(p => p.Domains).Where(d => d.Key != Domains.Total))
        {
            if (!domains.TryAdd(name, energy))
                throw new MeterException(counted(name));
        }

        var hasTotal = totalParts.Count > 0 && totalParts.All(p => p.Domains.ContainsKey(Domains.Total));
        if (hasTotal)
        {
            var totals = totalParts.Select(p => p.Domains[Domains.Total]).ToArray();
            domains[Domains.Total] = new DomainEnergy(totals.Sum(t => t.Joules), totals.Sum(t => t.AveragePowerW), totals.Sum(t => t.PeakPowerW));
        }

        return new WindowEnergy(startS, endS, domains, parts.Sum(p => p.SampleCount), parts.Min(p => p.Coverage))
        {
            ProRataJoules = Sum(parts.Select(p => p.ProRataJoules), totalParts.Select(p => p.ProRataJoules)),
            EdgeJoules = Sum(parts.Select(p => p.EdgeJoules), totalParts.Select(p => p.EdgeJoules)),
            EdgeSamples = [.. parts.SelectMany(p => p.EdgeSamples).Select(e => e with
            {
                EnergyJ = Domains.WithoutTotal(e.EnergyJ),
                OutsideNeighbour = e.OutsideNeighbour is { } n ? n with { EnergyJ = Domains.WithoutTotal(n.EnergyJ) } : null,
            })],
            TotalOf = [.. parts.SelectMany(p => p.TotalOf).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>Each part's figures per domain (disjoint), and total = the total parts' totals added, when each has one.</summary>
    private static Dictionary<string, double> Sum(IEnumerable<IReadOnlyDictionary<string, double>> parts, IEnumerable<IReadOnlyDictionary<string, double>> totalParts)
    {
        var sum = parts.SelectMany(Domains.WithoutTotal).ToDictionary(StringComparer.Ordinal);
        var totals = totalParts.ToArray();
        if (totals.Length > 0 && totals.All(p => p.ContainsKey(Domains.Total)))
            sum[Domains.Total] = totals.Sum(p => p[Domains.Total]);
        return sum;
    }
}

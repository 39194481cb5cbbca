using System.Globalization;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>The texts of the meter's rules for windows, and the window of several groups (targets) as one.</summary>
internal static class PrometheusWindows
{
    /// <summary>The short-window rule in words (class docstring, provenance notes).</summary>
    public static string Rule(double intervalS, string shortWindow) => Invariant(
        $"Short windows: a window's energy is the whole scrape intervals inside it plus the intervals straddling its edges, split by the session's edge rule (idle-attributed when the idle power was measured, which the Energy suite always does, else pro rata). A window shorter than two scrape intervals (2 x {intervalS:0.###} s) rests mostly on that rule: ")
        + (shortWindow == Configuration.PrometheusShortWindows.Refuse
            ? "ShortWindow = refuse, so such a window is refused."
            : "ShortWindow = edges, so such a window is kept and its approximation says so.");

    /// <summary>WindowEnergy.Approximation of a window shorter than two scrape intervals kept under ShortWindow = edges.</summary>
    public static string ShortWindow(double durationS, double intervalS) => Invariant(
        $"prometheus: window of {durationS:0.###} s, shorter than two scrape intervals (2 x {intervalS:0.###} s): its energy is the scrape interval(s) around it less the idle power over the time outside it; right only when that time was idle, which the protocol's pause of two scrape intervals before each request ensures.");

    /// <summary>The refusal of such a window under ShortWindow = refuse.</summary>
    public static string Refusal(double startS, double endS, double intervalS) => Invariant(
        $"prometheus: window [{startS:0.000}, {endS:0.000}] s lasts {endS - startS:0.###} s, shorter than two scrape intervals (2 x {intervalS:0.###} s), and Meter:Prometheus:ShortWindow = refuse: measure over a longer window (a sweep point's steady state, more tokens), or use a meter with a finer interval.");

    /// <summary>WindowEnergy.Approximation of a window with power-gauge domains.</summary>
    public static string PowerGauge(IEnumerable<string> domains, double intervalS) => Invariant(
        $"prometheus: {string.Join(", ", domains)} integrated from a power gauge sampled every {intervalS:0.###} s (trapezoid between scrapes), not read from an energy counter.");

    /// <summary>
    /// The windows of several groups as one: their domains (disjoint), total = the groups' totals added (only when every group
    /// whose domains make a total has one: never a partial total), edge samples without their group's total, the lowest
    /// coverage and the sample counts added. One group's window is returned as it is.
    /// </summary>
    public static WindowEnergy Combine(double startS, double endS, IReadOnlyList<WindowEnergy> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        var totalled = parts.Where(p => p.TotalOf.Count > 0).ToArray();
        var hasTotal = totalled.Length > 0 && totalled.All(p => p.Domains.ContainsKey(Domains.Total));
        var domains = parts.SelectMany(p => p.Domains.Where(d => d.Key != Domains.Total)).ToDictionary(StringComparer.Ordinal);
        if (hasTotal)
        {
            var totals = totalled.Select(p => p.Domains[Domains.Total]).ToArray();
            domains[Domains.Total] = new DomainEnergy(totals.Sum(t => t.Joules), totals.Sum(t => t.AveragePowerW), totals.Sum(t => t.PeakPowerW));
        }

        return new WindowEnergy(startS, endS, domains, parts.Sum(p => p.SampleCount), parts.Min(p => p.Coverage))
        {
            ProRataJoules = Sum(parts.Select(p => p.ProRataJoules), hasTotal ? totalled.Select(p => p.ProRataJoules) : null),
            EdgeJoules = Sum(parts.Select(p => p.EdgeJoules), hasTotal ? totalled.Select(p => p.EdgeJoules) : null),
            EdgeSamples = [.. parts.SelectMany(p => p.EdgeSamples).Select(e => e with
            {
                EnergyJ = Domains.WithoutTotal(e.EnergyJ),
                OutsideNeighbour = e.OutsideNeighbour is { } n ? n with { EnergyJ = Domains.WithoutTotal(n.EnergyJ) } : null,
            })],
            TotalOf = [.. parts.SelectMany(p => p.TotalOf).Distinct(StringComparer.Ordinal)],
        };
    }

    private static Dictionary<string, double> Sum(IEnumerable<IReadOnlyDictionary<string, double>> parts, IEnumerable<IReadOnlyDictionary<string, double>>? totals)
    {
        var sum = parts.SelectMany(Domains.WithoutTotal).ToDictionary(StringComparer.Ordinal);
        if (totals?.ToArray() is { } t && t.All(p => p.ContainsKey(Domains.Total)))
            sum[Domains.Total] = t.Sum(p => p[Domains.Total]);
        return sum;
    }


    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

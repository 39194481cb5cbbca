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
    /// The windows of several groups as one (<see cref="WindowParts.Combine"/>): the total is the totals of the groups whose domains
    /// make one, when each of them has one (never a partial total). One group's window is returned as it is.
    /// </summary>
    public static WindowEnergy Combine(double startS, double endS, IReadOnlyList<WindowEnergy> parts) =>
        parts.Count == 1 ? parts[0] : WindowParts.Combine(startS, endS, parts, [.. parts.Where(p => p.TotalOf.Count > 0)],
            name => $"prometheus: two targets report {name}: combining them would count it twice; narrow Meter:Prometheus:Selector to one target per domain.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

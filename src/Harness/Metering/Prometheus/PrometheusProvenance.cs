using System.Globalization;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>The meter's provenance (what exactly is read, how, and the caveats) and its coverage shortfall message.</summary>
internal static class PrometheusProvenance
{
    /// <summary>
    /// Meter <c>prometheus</c>; Source: the URL (never credentials), each domain's exact query, kind and unit, the total, the
    /// scrape interval, the method and the short-window rule; Notes: the preset's caveats, what the start found (fallbacks,
    /// left-out domains, the server's clock offset, the interval checks), counter resets and short windows so far.
    /// Estimated as soon as one domain's figure is the exporter's model (Kepler per pod, a custom domain marked Estimated).
    /// </summary>
    public static EnergyProvenance Of(MeterOptions options, PrometheusStart? start, int shortWindows)
    {
        var p = options.Prometheus;
        var domains = start is null
            ? PrometheusPresetDomains.Of(p)
            : [.. start.Domains.Where(d => d.SeriesCount > 0).Select(d => d.Domain)];
        var inTotal = domains.Where(d => d.InTotal).Select(d => d.Name).ToArray();
        var method = domains.Any(d => d.Estimated) ? EnergyMethod.Estimated : EnergyMethod.Measured;
        var intervalS = options.IntervalMs / 1000.0;
        var counts = start?.Domains.ToDictionary(d => d.Domain.Name, d => d.SeriesCount, StringComparer.Ordinal);
        var source = $"Prometheus {PrometheusClient.ShownUrl(p.Url)} ({PrometheusAuth.Describe(p)}), preset {p.Preset}: "
            + string.Join("; ", domains.Select(d => d.Describe() + (counts is null ? "" : Invariant($", summed over {counts.GetValueOrDefault(d.Name)} series"))))
            + (inTotal.Length > 0 ? $"; total = {string.Join(" + ", inTotal)}" : "; no total")
            + Invariant($"; scrape interval {intervalS:0.###} s (Meter:IntervalMs); ")
            + IncreaseWindow.Describe(p.Method) + Invariant($", polled every {p.PollSeconds:0.###} s; ")
            + PrometheusWindows.Rule(intervalS, p.ShortWindow)
            + (start is null ? " (not started yet)" : "");

        var notes = new List<string>();
        if (PrometheusPresetDomains.Notes(p.Preset) is { Length: > 0 } presetNotes)
            notes.Add(presetNotes);
        if (p.Preset == PrometheusPresets.Custom && domains.Any(d => d.Estimated))
            notes.Add($"{string.Join(", ", domains.Where(d => d.Estimated).Select(d => d.Name))}: the exporter's figure is itself modelled or attributed (Estimated = true), so these figures are ESTIMATED.");
        if (domains.Any(d => d.IsPower))
            notes.Add(Invariant($"{string.Join(", ", domains.Where(d => d.IsPower).Select(d => d.Name))}: integrated from a power gauge sampled every {intervalS:0.###} s (trapezoid), not an energy counter; every window says so."));
        if (start is not null)
        {
            notes.AddRange(start.Notes);
            var resets = start.Poller.Groups.SelectMany(g => g.Chains).Sum(c => c.Resets);
            notes.Add($"Counter resets (a value below the one before) handled as Prometheus does (the increase is the new value): {resets} so far.");
            if (start.Poller.Groups.Count > 1)
                notes.Add($"Domains come from {start.Poller.Groups.Count} targets ({string.Join(", ", start.Poller.Groups.Select(g => g.Target))}), each on its own scrape times: their windows are added; samples.jsonl lists each target's samples without a total.");
        }

        notes.Add(PrometheusWindows.Rule(intervalS, p.ShortWindow) + $" So far {shortWindows} such window(s).");
        return new EnergyProvenance(MeterKinds.Prometheus, [.. domains.Select(d => d.Name), .. inTotal.Length > 0 ? new[] { Domains.Total } : []], method, source, string.Join(" ", notes));
    }

    /// <summary>Why a window is not covered well enough: no sample yet, before the first sample, no scrape at or after its end, or a failure.</summary>
    public static string Shortfall(WindowEnergy window, ScrapePoller poller, double minCoverage, double waitedPastEndS)
    {
        var reasons = new List<string>();
        var first = poller.Groups.Select(g => g.Timeline.FirstStartS).Max();
        var last = poller.CoveredUntilS;
        if (first is null)
            reasons.Add("no sample has arrived yet");
        else if (window.StartS < first)
            reasons.Add(Invariant($"the window starts before the first sample ({first:0.000} s)"));
        if (last is { } end && window.EndS > end)
            reasons.Add(Invariant($"no scrape at or after the window's end arrived within {waitedPastEndS:0.0} s of it (the last sample ends at {end:0.000} s): is the exporter still scraped every scrape interval?"));
        if ((poller.Failure ?? poller.LastError) is { } error)
            reasons.Add(error);
        return Invariant($"prometheus covered {window.Coverage * 100:0.0}% of window [{window.StartS:0.000}, {window.EndS:0.000}] s ({window.SampleCount} samples); at least {minCoverage * 100:0.#}% (MinCoverage) is needed: ")
            + (reasons.Count == 0 ? "samples are missing inside the window." : string.Join("; ", reasons) + ".");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

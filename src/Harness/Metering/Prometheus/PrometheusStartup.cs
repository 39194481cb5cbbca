using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>What the start found: the poller (with its groups and the server's clock), the domains read, and notes for provenance.</summary>
internal sealed record PrometheusStart(ScrapePoller Poller, IReadOnlyList<ResolvedDomain> Domains, IReadOnlyList<string> Notes);

/// <summary>
/// Starting the meter: the server's clock offset (<see cref="ServerClock"/>), the domains the server has
/// (<see cref="SeriesResolver"/>), ten scrape intervals (at least ten minutes) of history per domain (to group the domains by target, check
/// <c>Meter:IntervalMs</c> against the target's scrape interval and the samples' spacing, <see cref="ScrapeIntervalCheck"/>), and the
/// last interval before the start as the first sample of each group.
/// </summary>
internal static class PrometheusStartup
{
    /// <summary>How much history is read at the start, in scrape intervals (at least <see cref="MinHistoryMs"/>).</summary>
    public const int HistoryIntervals = 10;

    /// <summary>The least history read at the start, ms: enough gaps to see a real interval longer than a mistaken IntervalMs.</summary>
    public const long MinHistoryMs = 600_000;

    public static async Task<PrometheusStart> RunAsync(
        PrometheusClient client, MeterOptions options, IReadOnlyList<PrometheusDomain> configured, SessionClock clock, CancellationToken cancellationToken)
    {
        var serverClock = await ServerClock.EstimateAsync(client, clock, cancellationToken).ConfigureAwait(false);
        var resolved = await SeriesResolver.ResolveAsync(client, options.Prometheus, configured, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>(resolved.Select(r => r.Note).OfType<string>()) { serverClock.Describe() };

        var serverNow = serverClock.ToServer(clock.Now);
        var history = new Dictionary<string, IReadOnlyList<RawSeries>>(StringComparer.Ordinal);
        foreach (var domain in resolved.Where(r => r.SeriesCount > 0).Select(r => r.Domain))
        {
            var query = $"{domain.Query}[{Math.Max(MinHistoryMs, (long)HistoryIntervals * options.IntervalMs)}ms]";
            var series = PromJson.Matrix(await client.QueryAsync(query, serverNow, cancellationToken).ConfigureAwait(false), query);
            if (series.Count == 0)
                throw new MeterException($"prometheus: {query} has no raw samples although {domain.Query} matched series: is the target still scraped?");
            history[domain.Name] = series;
        }

        var groups = resolved.Where(r => r.SeriesCount > 0)
            .GroupBy(r => history[r.Domain.Name][0].Target, StringComparer.Ordinal)
            .Select(g => new ScrapeGroup(g.Key, [.. g.Select(r => new DomainChain(r.Domain))]))
            .ToArray();
        foreach (var group in groups)
        {
            var first = group.Chains[0].Domain;
            var times = history[first.Name][0].Points.Select(p => p.T).ToArray();
            notes.Add(ScrapeIntervalCheck.CheckSpacing(times, first.Query, options.IntervalMs) + ".");
            if (group.Target.Length > 0)
                notes.Add(await ScrapeIntervalCheck.CheckTargetAsync(client, group.Target, options.IntervalMs, cancellationToken).ConfigureAwait(false) + ".");
        }

        var poller = new ScrapePoller(client, serverClock, groups, clock, options.IntervalMs);
        foreach (var group in groups)
            poller.Feed(group, LastInterval(group, history));
        return new PrometheusStart(poller, resolved, notes);
    }

    /// <summary>Each domain's history from the group's second-last common scrape on: the chain starts one interval before the start.</summary>
    private static Dictionary<string, IReadOnlyList<RawSeries>> LastInterval(ScrapeGroup group, Dictionary<string, IReadOnlyList<RawSeries>> history)
    {
        var names = group.Chains.Select(c => c.Domain.Name).ToArray();
        var common = history[names[0]][0].Points.Select(p => p.T)
            .Where(t => names.All(n => history[n][0].Points.Any(p => p.T == t)))
            .ToArray();
        var from = common.Length >= 2 ? common[^2] : common.Length == 1 ? common[0] : double.NegativeInfinity;
        return names.ToDictionary(
            n => n,
            n => (IReadOnlyList<RawSeries>)[.. history[n].Select(s => s with { Points = [.. s.Points.Where(p => p.T >= from)] })],
            StringComparer.Ordinal);
    }
}

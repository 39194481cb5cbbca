namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// The domains scraped from one target (one job/instance): they share scrape timestamps, so each pair of consecutive common
/// timestamps (t_i, t_i+1) becomes one <see cref="MeterSample"/> on the session timeline carrying every domain's energy over it.
/// Domains of other targets go to other groups (their scrapes fall at other moments).
/// </summary>
internal sealed class ScrapeGroup
{
    private readonly Dictionary<string, SortedList<double, double>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastCumulative = new(StringComparer.Ordinal);
    private double? _lastT;

    /// <param name="target">job/instance of the group's series.</param>
    /// <param name="chains">The group's domains.</param>
    public ScrapeGroup(string target, IReadOnlyList<DomainChain> chains)
    {
        Target = target;
        Chains = chains;
        Timeline = new SampleTimeline([.. chains.Where(c => c.Domain.InTotal).Select(c => c.Domain.Name)]);
        foreach (var chain in chains)
            _pending[chain.Domain.Name] = [];
    }

    public string Target { get; }

    public IReadOnlyList<DomainChain> Chains { get; }

    public SampleTimeline Timeline { get; }

    /// <summary>The earliest of the domains' last scrape times (server Unix seconds): new polls look back to it.</summary>
    public double? LastT => Chains.Any(c => c.LastT is null) ? null : Chains.Min(c => c.LastT);

    /// <summary>
    /// Feeds one poll's answers (the series per domain name); the samples it completes are added to <see cref="Timeline"/>
    /// and returned as stored. <paramref name="toSession"/> converts server Unix seconds to session seconds.
    /// </summary>
    public IReadOnlyList<MeterSample> Advance(IReadOnlyDictionary<string, IReadOnlyList<RawSeries>> seriesByDomain, Func<double, double> toSession)
    {
        foreach (var chain in Chains)
        {
            foreach (var point in chain.Advance(seriesByDomain.GetValueOrDefault(chain.Domain.Name) ?? []))
                _pending[chain.Domain.Name][point.T] = point.V;
        }

        var first = _pending[Chains[0].Domain.Name];
        var common = first.Keys.Where(t => _pending.Values.All(p => p.ContainsKey(t))).ToArray();
        var added = new List<MeterSample>();
        foreach (var t in common)
        {
            if (_lastT is { } last)
            {
                var energy = Chains.ToDictionary(c => c.Domain.Name, c => _pending[c.Domain.Name][t] - _lastCumulative[c.Domain.Name], StringComparer.Ordinal);
                added.Add(Timeline.Add(new MeterSample(toSession(last), toSession(t), energy)));
            }

            foreach (var chain in Chains)
                _lastCumulative[chain.Domain.Name] = _pending[chain.Domain.Name][t];
            _lastT = t;
            foreach (var pending in _pending.Values)
            {
                while (pending.Count > 0 && pending.Keys[0] <= t)
                    pending.RemoveAt(0);
            }
        }

        return added;
    }
}

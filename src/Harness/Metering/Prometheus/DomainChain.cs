using System.Globalization;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// One domain's energy so far, from the raw scrapes of its series: the cumulative joules at each scrape timestamp, summed
/// over the series (several GPUs, several sockets). Fed with each poll's answer; points at or before the last one fed are
/// skipped, so overlapping look-backs are harmless.
/// </summary>
/// <remarks>
/// <para>Counters: between consecutive scrapes v_i, v_i+1 the increase is v_i+1 - v_i, or v_i+1 when v_i+1 &lt; v_i (the counter
/// restarted: Prometheus's reset rule, as in <c>increase()</c> and <c>rate()</c>, promql/functions.go extrapolatedRate). A missed
/// scrape simply makes a longer step whose increase is still exact. Power gauges: the trapezoid (v_i + v_i+1) / 2 x (t_i+1 - t_i).
/// Both times the unit factor (mJ, mW: 0.001).</para>
/// <para>The series are summed scrape by scrape, so they must share their scrape timestamps (one target): otherwise
/// <see cref="Advance"/> throws, telling the user to narrow the selector or split the domains. The set of series is fixed by
/// the first answer; a series that appears or disappears later is refused the same way.</para>
/// </remarks>
internal sealed class DomainChain(PrometheusDomain domain)
{
    private const double SameTimeS = 1e-6;
    private Dictionary<string, Scrape>? _last;
    private double _cumulativeJ;

    public PrometheusDomain Domain { get; } = domain;

    /// <summary>Server time of the last scrape fed (Unix seconds), or null before the first.</summary>
    public double? LastT { get; private set; }

    /// <summary>Number of series summed (0 before the first answer).</summary>
    public int SeriesCount => _last?.Count ?? 0;

    /// <summary>Counter resets seen (a value lower than the one before), over all series.</summary>
    public int Resets { get; private set; }

    /// <summary>The target(s) of the series, job/instance.</summary>
    public IReadOnlyList<string> Targets { get; private set; } = [];

    /// <summary>
    /// Feeds one answer (every series the query matched, with their points); returns (server time, cumulative joules) at each
    /// new scrape timestamp, in order. The first scrape ever fed is the baseline, at 0 J.
    /// </summary>
    /// <exception cref="MeterException">The series' timestamps differ, the set of series changed, or a value is not a finite non-negative number.</exception>
    public IReadOnlyList<Scrape> Advance(IReadOnlyList<RawSeries> series)
    {
        var fresh = series.Select(s => (Series: s, Points: s.Points.Where(p => LastT is not { } last || p.T > last + SameTimeS).ToArray()))
            .Where(s => s.Points.Length > 0 || _last is not null)
            .ToArray();
        if (fresh.Length == 0 || fresh.All(s => s.Points.Length == 0))
            return [];

        var times = fresh[0].Points.Select(p => p.T).ToArray();
        foreach (var other in fresh.Skip(1))
        {
            if (!other.Points.Select(p => p.T).SequenceEqual(times))
                throw Mismatch(fresh[0].Series, times, other.Series, [.. other.Points.Select(p => p.T)]);
        }

        var start = 0;
        if (_last is null)
        {
            _last = fresh.ToDictionary(s => s.Series.Key, s => s.Points[0], StringComparer.Ordinal);
            Targets = [.. fresh.Select(s => s.Series.Target).Distinct(StringComparer.Ordinal)];
            foreach (var (s, points) in fresh)
                Check(s, points[0]);
            start = 1;
        }
        else
        {
            var keys = fresh.Select(s => s.Series.Key).ToHashSet(StringComparer.Ordinal);
            if (!keys.SetEquals(_last.Keys))
                throw Changed(keys);
        }

        var result = new List<Scrape>(times.Length);
        if (start == 1)
            result.Add(new Scrape(times[0], 0));
        for (var i = start; i < times.Length; i++)
        {
            foreach (var (s, points) in fresh)
            {
                var now = points[i];
                Check(s, now);
                var before = _last[s.Key];
                _cumulativeJ += Domain.Factor * (Domain.IsPower ? (before.V + now.V) / 2 * (now.T - before.T) : Increase(before.V, now.V));
                _last[s.Key] = now;
            }

            result.Add(new Scrape(times[i], _cumulativeJ));
        }

        LastT = times[^1];
        return result;
    }

    private double Increase(double before, double now)
    {
        if (now >= before)
            return now - before;
        Resets++;
        return now;
    }

    private void Check(RawSeries series, Scrape point)
    {
        if (!double.IsFinite(point.V) || point.V < 0)
        {
            throw new MeterException(Invariant(
                $"prometheus: {series.Key} (domain {Domain.Name}, {Domain.Query}) has the value {point.V} at {point.T:0.000}: not {(Domain.IsPower ? "a power reading" : "an energy counter reading")}; check the query and the exporter."));
        }
    }

    private MeterException Mismatch(RawSeries a, double[] aTimes, RawSeries b, double[] bTimes) => new(Invariant(
        $"prometheus: the series of {Domain.Query} (domain {Domain.Name}) do not share their scrape timestamps ({a.Key} at {Times(aTimes)}; {b.Key} at {Times(bTimes)}): they come from different targets ({a.Target}, {b.Target}), and a domain's series are summed scrape by scrape. Narrow Meter:Prometheus:Selector to one target, or split them into custom domains (Preset = custom, one Query per target)."));

    private MeterException Changed(HashSet<string> keys)
    {
        var added = keys.Except(_last!.Keys).ToArray();
        var gone = _last.Keys.Except(keys).ToArray();
        return new MeterException(
            $"prometheus: the series matched by {Domain.Query} (domain {Domain.Name}) changed while the meter ran"
            + (added.Length > 0 ? $"; new: {string.Join(", ", added)}" : "")
            + (gone.Length > 0 ? $"; no longer scraped: {string.Join(", ", gone)}" : "")
            + ": a domain's sum is over a fixed set of series. Narrow Meter:Prometheus:Selector to the series that stay (or check the exporter), then run again.");
    }

    private static string Times(double[] times) =>
        times.Length == 0 ? "no new scrape" : string.Join(", ", times.Take(3).Select(t => t.ToString("0.000", CultureInfo.InvariantCulture))) + (times.Length > 3 ? ", ..." : "");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

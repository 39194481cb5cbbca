using System.Globalization;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// Method <c>increase</c>: each counter domain's energy over [start, end] is Prometheus's own <c>increase(selector[W])</c>
/// (W = the window in ms) evaluated at the window's end (server time), summed over the series and converted to J. Prometheus
/// extrapolates the increase between the first and last scrape inside the window to the window's edges
/// (promql/functions.go extrapolatedRate) and gives no value when fewer than two scrapes fall inside it: then the window is refused.
/// Power-gauge domains keep the samples' figure (pro rata at the edges). No edge samples are kept: the edges are Prometheus's.
/// </summary>
internal static class IncreaseWindow
{
    /// <exception cref="MeterException">A counter's increase has no value over the window.</exception>
    public static async Task<WindowEnergy> MeasureAsync(
        PrometheusClient client, ServerClock serverClock, IReadOnlyList<PrometheusDomain> domains, WindowEnergy fromSamples, double intervalS, CancellationToken cancellationToken)
    {
        var (startS, endS) = (fromSamples.StartS, fromSamples.EndS);
        var windowMs = (long)Math.Round((endS - startS) * 1000);
        var joules = new Dictionary<string, double>(StringComparer.Ordinal);
        var queries = new List<string>();
        foreach (var domain in domains)
        {
            if (domain.IsPower)
            {
                joules[domain.Name] = fromSamples.ProRataJoules.GetValueOrDefault(domain.Name);
                continue;
            }

            var query = $"increase({domain.Query}[{windowMs}ms])";
            queries.Add(query);
            var series = PromJson.Vector(await client.QueryAsync(query, serverClock.ToServer(endS), cancellationToken).ConfigureAwait(false), query);
            if (series.Count == 0 || series.Any(s => !double.IsFinite(s.Points[0].V)))
            {
                throw new MeterException(Invariant(
                    $"prometheus: {query} at the end of window [{startS:0.000}, {endS:0.000}] s gave no value: Prometheus needs at least two scrapes inside the {endS - startS:0.###} s window (scrape interval {intervalS:0.###} s). Measure over a longer window (a sweep point's steady state, more tokens), or use Meter:Prometheus:Method = samples, whose edge rule handles short windows."));
            }

            joules[domain.Name] = series.Sum(s => s.Points[0].V) * domain.Factor;
        }

        var inTotal = domains.Where(d => d.InTotal).Select(d => d.Name).ToArray();
        if (inTotal.Length > 0)
            joules[Domains.Total] = inTotal.Sum(d => joules[d]);
        var duration = endS - startS;
        return fromSamples with
        {
            Domains = joules.ToDictionary(j => j.Key, j => new DomainEnergy(j.Value, j.Value / duration, fromSamples.Domains.GetValueOrDefault(j.Key)?.PeakPowerW ?? 0), StringComparer.Ordinal),
            ProRataJoules = joules,
            EdgeJoules = joules.Keys.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal),
            EdgeSamples = [],
            Approximation = Invariant(
                $"prometheus: {string.Join(" + ", queries)} at the window's end: Prometheus extrapolated the increase between the first and last scrape inside the window to its edges (scrape interval {intervalS:0.###} s).")
                + (domains.Any(d => d.IsPower) ? " " + PrometheusWindows.PowerGauge(domains.Where(d => d.IsPower).Select(d => d.Name), intervalS) : ""),
        };
    }

    /// <summary>The method in words for provenance.</summary>
    public static string Describe(string method) => method == PrometheusMethods.Increase
        ? "method increase: each window is Prometheus's increase(selector[window]) at the window's end, extrapolated by Prometheus to the window's edges (refused when fewer than two scrapes fall inside); samples still come from the raw scrapes"
        : "method samples: raw scrapes read with instant queries of range selectors; each pair of consecutive scrapes is one sample (counter increase with Prometheus's reset rule, or the trapezoid of a power gauge)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>A domain as found on the server: how many series its query matches now, and what was decided about it.</summary>
internal sealed record ResolvedDomain(PrometheusDomain Domain, int SeriesCount, string? Note);

/// <summary>
/// Which of the configured domains the server has: each query is asked as an instant query (the series scraped within
/// Prometheus's 5-minute look-back). A domain with no series takes its fallback (DCGM's power gauge), is dropped when optional
/// (RAPL dram), or is an error naming the query.
/// </summary>
internal static class SeriesResolver
{
    /// <exception cref="MeterException">A required domain matches no series (the message names the query and what to check), or the server failed.</exception>
    public static async Task<IReadOnlyList<ResolvedDomain>> ResolveAsync(
        PrometheusClient client, PrometheusOptions options, IReadOnlyList<PrometheusDomain> domains, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedDomain>();
        foreach (var domain in domains)
        {
            var count = await CountAsync(client, domain.Query, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                resolved.Add(new ResolvedDomain(domain, count, null));
                continue;
            }

            if (domain.Fallback is { } fallback && await CountAsync(client, fallback.Query, cancellationToken).ConfigureAwait(false) is > 0 and var fallbackCount)
            {
                resolved.Add(new ResolvedDomain(fallback, fallbackCount,
                    $"No series matches {domain.Query} (the energy counter needs a Volta or newer GPU and a DCGM exporter that exports it): {domain.Name} is integrated from the power gauge {fallback.Query} instead (trapezoid between scrapes), less exact."));
                continue;
            }

            if (domain.Optional)
            {
                resolved.Add(new ResolvedDomain(domain, 0, $"No series matches {domain.Query}: {domain.Name} is left out (absent on many machines)."));
                continue;
            }

            var also = domain.Fallback is { } f ? $" (nor {f.Query})" : "";
            throw new MeterException(
                $"prometheus: no series matches {domain.Query}{also} (domain {domain.Name}) on {client.BaseUrl}: check Meter:Prometheus:Selector ('{options.Selector}') or the custom domain's Query, and that Prometheus scrapes the exporter (its Status > Targets page).");
        }

        return resolved;
    }

    private static async Task<int> CountAsync(PrometheusClient client, string query, CancellationToken cancellationToken) =>
        PromJson.Vector(await client.QueryAsync(query, null, cancellationToken).ConfigureAwait(false), query).Count;
}

using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// The energy domains other than <see cref="Domains.Total"/> that case records really carry (e.g. <c>cpu</c>, <c>gpu</c>,
/// <c>ane</c> from powermetrics; <c>package</c>, <c>dram</c> from RAPL; <c>gpu</c> from NVML), in one stable order, and
/// each case's figures for one of them. Summaries, tables, charts and <c>cases.csv</c> all take their domains from here.
/// </summary>
public static class EnergyDomains
{
    /// <summary>
    /// Every domain but the total found in the energy windows of <paramref name="cases"/>, ordered as the meter lists
    /// them: first <paramref name="meterDomains"/> (e.g. <c>run.json</c>'s meter), then the cases' provenance domains in
    /// the order they come, then any other in ordinal order. A domain a meter names but no window carries is left out.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<CaseRecord> cases, IEnumerable<string>? meterDomains = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var energies = cases.Select(c => c.Energy).OfType<CaseEnergy>().ToArray();
        var present = energies.SelectMany(e => e.Window.Domains.Keys).Where(d => d != Domains.Total).ToHashSet(StringComparer.Ordinal);
        return [.. (meterDomains ?? [])
            .Concat(energies.SelectMany(e => e.Provenance.Domains))
            .Concat(present.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(present.Contains)];
    }

    /// <summary>The case's gross figures of <paramref name="domain"/> over its request window; null when it has none.</summary>
    public static DomainEnergy? Gross(CaseRecord c, string domain)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Energy?.Window.Domains.GetValueOrDefault(domain);
    }

    /// <summary>The case's joules of <paramref name="domain"/> net of its model's idle power; null when idle was not measured.</summary>
    public static double? Net(CaseRecord c, string domain)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Energy?.NetJoules is { } net && net.TryGetValue(domain, out var joules) ? joules : null;
    }
}

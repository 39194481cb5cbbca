using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Unit.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Metering.PrometheusReal;

/// <summary>
/// The run as Prometheus stored it, for choosing windows: a series' raw samples, their session times under a meter's offset, and
/// the skew between each sample's timestamp (the scrape's start) and the instant the exporter served its value.
/// </summary>
internal sealed record RunTimeline(MeteredStack Stack, PrometheusMeter Meter, IReadOnlyList<PromSample> Samples)
{
    public static async Task<RunTimeline> LoadAsync(MeteredStack stack, PrometheusMeter meter, string selector) =>
        new(stack, meter, await stack.SamplesAsync(selector));

    public double ToSession(double serverUnixS) => Stack.ToSession(Meter, serverUnixS);

    /// <summary>The session time of the first scrape at or after U + <paramref name="afterS"/>.</summary>
    public double FirstScrapeAfter(double afterS) =>
        Samples.Select(s => ToSession(s.UnixS)).First(s => s >= Stack.ReadyS + afterS);

    /// <summary>The largest |served - stored timestamp| over the samples, seconds.</summary>
    public double MaxSkewS() => Samples.Max(s => Stack.Exporter.Scrapes
        .Where(x => x.Missed is null && x.ServedUnixS >= s.UnixS - 0.005)
        .Select(x => x.ServedUnixS - s.UnixS).DefaultIfEmpty(0).Min());

    /// <summary>The energy the exporter's counter lost at the reset: from the last scrape served before it to the reset, J.</summary>
    public double LostAtResetJ(string domain)
    {
        var reset = Stack.ReadyS + Stack.OriginUnixS + MeteredStack.ResetAtS;
        var before = Stack.Exporter.Scrapes.Where(s => s.Missed is null && s.ServedUnixS < reset).Max(s => s.ServedUnixS);
        return Stack.Exporter.TrueEnergyJ(domain, before, reset);
    }

    public double TrueJ(string domain, double a, double b) =>
        Stack.Exporter.TrueEnergyJ(domain, Stack.OriginUnixS + a, Stack.OriginUnixS + b);

    public static string Gpu(string id) => $"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{{gpu=\"{id}\"}}";

    public static readonly string[] Domains = ExporterDomains.All.ToArray();
}

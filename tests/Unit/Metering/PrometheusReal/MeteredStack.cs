using System.Globalization;
using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Metering.PrometheusReal;

[CollectionDefinition(nameof(MeteredStackCollection))]
public sealed class MeteredStackCollection : ICollectionFixture<MeteredStack>;

/// <summary>
/// A real Prometheus (1 s scrapes) scraping one fake exporter, and prometheus meters of several presets and methods started on
/// one <see cref="SessionClock"/>, run once for the tests of this folder through about 16 s of scripted power. U is when
/// Prometheus had scraped the exporter once: gpu0 draws 60 W, 250 W over [U+3, U+6), 300 W over [U+9, U+11); the package 10 W,
/// 40 W and 45 W in the same spans; gpu1 50 W and DRAM 2 W throughout; the counters reset at U+8.2; the scrapes of
/// [U+12.5, U+13.5) answer 503. Nothing starts where Prometheus is missing (the tests then skip or fail).
/// </summary>
public sealed partial class MeteredStack : IAsyncLifetime
{
    public const double ResetAtS = 8.2;
    public const double MissFromS = 12.5;
    public const double MissToS = 13.5;
    private const double RunS = 16.5;

    public FakeEnergyExporter Exporter { get; private set; } = null!;
    public PrometheusServer Server { get; private set; } = null!;
    public SessionClock Clock { get; } = new();

    /// <summary>The meters by name: gpu0, all-gpus (dcgm), node-rapl, kepler-node, gpu0-increase.</summary>
    public Dictionary<string, PrometheusMeter> Meters { get; } = new(StringComparer.Ordinal);

    /// <summary>U, in session seconds.</summary>
    public double ReadyS { get; private set; }

    /// <summary>The session timeline's zero, Unix seconds (this machine's clock, which the exporter also reads).</summary>
    public double OriginUnixS => (Clock.OriginUtc - DateTimeOffset.UnixEpoch).TotalSeconds;

    public async ValueTask InitializeAsync()
    {
        if (!PrometheusRequirement.IsInstalled)
            return;
        var ct = TestContext.Current.CancellationToken;
        var power = new ScriptedExporterPower(new Dictionary<string, double>
        {
            [ExporterDomains.Gpu0] = 60,
            [ExporterDomains.Gpu1] = 50,
            [ExporterDomains.Package] = 10,
            [ExporterDomains.Dram] = 2,
        });
        Exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power });
        Server = await PrometheusServer.StartAsync(new PrometheusServerOptions { Targets = [new("node", Exporter.HostPort)] }, ct);
        var u = Exporter.NowUnixS();
        ReadyS = u - OriginUnixS;
        foreach (var (from, to, gpuW, cpuW) in new[] { (3.0, 6.0, 250.0, 40.0), (9.0, 11.0, 300.0, 45.0) })
        {
            power.Set(u + from, ExporterDomains.Gpu0, gpuW).Set(u + to, ExporterDomains.Gpu0, 60);
            power.Set(u + from, ExporterDomains.Package, cpuW).Set(u + to, ExporterDomains.Package, 10);
        }
        Exporter.ResetCountersAt(u + ResetAtS);
        Exporter.MissScrapes(u + MissFromS, u + MissToS, MissedScrape.Unavailable);

        Meters["gpu0"] = Meter(PrometheusPresets.Dcgm, "gpu=\"0\"");
        Meters["all-gpus"] = Meter(PrometheusPresets.Dcgm, "");
        Meters["node-rapl"] = Meter(PrometheusPresets.NodeRapl, "");
        Meters["kepler-node"] = Meter(PrometheusPresets.KeplerNode, "");
        Meters["gpu0-increase"] = Meter(PrometheusPresets.Dcgm, "gpu=\"0\"", PrometheusMethods.Increase);
        foreach (var meter in Meters.Values)
            await meter.StartAsync(ct);
        await Clock.DelayAsync(ReadyS + RunS - Clock.Now, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var meter in Meters.Values)
            await meter.DisposeAsync();
        if (Server is not null)
            await Server.DisposeAsync();
        Exporter?.Dispose();
    }

    /// <summary>Prometheus's raw samples of <paramref name="selector"/> over the whole run, server Unix seconds.</summary>
    internal Task<IReadOnlyList<PromSample>> SamplesAsync(string selector) =>
        PrometheusQuery.RangeAsync(Server.Url, selector, Exporter.NowUnixS() - Exporter.StartedUnixS + 5, Exporter.NowUnixS());

    /// <summary>
    /// The meter's estimate of how far Prometheus's clock is ahead of the session's, seconds, read from its provenance
    /// ("Prometheus's clock is X ms ahead", to 0.1 ms): the test places Prometheus's timestamps on the session timeline with it.
    /// </summary>
    public double OffsetS(PrometheusMeter meter)
    {
        var match = Offset().Match(meter.Provenance.Notes);
        match.Success.Should().BeTrue($"the provenance states the server clock offset: {meter.Provenance.Notes}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
    }

    /// <summary>A server Unix time as session seconds, with the meter's offset.</summary>
    public double ToSession(PrometheusMeter meter, double serverUnixS) => serverUnixS - OffsetS(meter) - OriginUnixS;

    private PrometheusMeter Meter(string preset, string selector, string method = PrometheusMethods.Samples) => new(
        new MeterOptions
        {
            Kind = MeterKinds.Prometheus,
            IntervalMs = 1000,
            Prometheus = new PrometheusOptions { Url = Server.Url, Preset = preset, Selector = selector, Method = method },
        },
        Clock);

    [GeneratedRegex("Prometheus's clock is (-?[0-9.]+) ms ahead")]
    private static partial Regex Offset();
}

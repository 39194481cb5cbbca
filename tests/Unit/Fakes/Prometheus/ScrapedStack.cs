using SlmEnergyBench.Harness.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>
/// One real Prometheus (1 s scrapes, 0.8 s timeout) scraping two fake exporters for about ten seconds of scripted power, started
/// once for <see cref="PrometheusScrapeTests"/>: <see cref="Plain"/> writes no timestamps, has a counter reset at U+4.5 s and misses
/// the scrapes of [U+6.5, U+7.5) with 503; <see cref="Stamped"/> writes explicit timestamps and misses the same span by answering
/// too slowly. U is when Prometheus had scraped both once. Nothing starts where Prometheus is missing (the tests then skip or fail).
/// </summary>
public sealed class ScrapedStack : IAsyncLifetime
{
    public const double ResetAtS = 4.5;
    public const double MissFromS = 6.5;
    public const double MissToS = 7.5;
    public const double RunS = 10.5;

    public FakeEnergyExporter Plain { get; private set; } = null!;
    public FakeEnergyExporter Stamped { get; private set; } = null!;
    public PrometheusServer Server { get; private set; } = null!;

    /// <summary>U: when Prometheus had scraped both exporters once, Unix seconds.</summary>
    public double ReadyUnixS { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!PrometheusRequirement.IsInstalled)
            return;
        var power = ExporterSetup.Script();
        Plain = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power });
        Stamped = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power, Timestamps = true });
        Server = await PrometheusServer.StartAsync(
            new PrometheusServerOptions { Targets = [new("plain", Plain.HostPort), new("stamped", Stamped.HostPort)] },
            TestContext.Current.CancellationToken);
        var u = ReadyUnixS = Plain.NowUnixS();
        power.Set(u + 1, ExporterDomains.Gpu0, 250).Set(u + 3, ExporterDomains.Gpu0, 100);
        Plain.ResetCountersAt(u + ResetAtS);
        Plain.MissScrapes(u + MissFromS, u + MissToS, MissedScrape.Unavailable);
        Stamped.MissScrapes(u + MissFromS, u + MissToS, MissedScrape.TooSlow);
        await Task.Delay(TimeSpan.FromSeconds(RunS), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
        Plain?.Dispose();
        Stamped?.Dispose();
    }
}

using System.Globalization;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// What a fake run with <c>Meter:Kind = prometheus</c> measures against (profile <c>fake-prometheus</c>): a
/// <see cref="FakeEnergyExporter"/> whose power follows the fake servers' busy file, and a real <see cref="PrometheusServer"/>
/// on loopback scraping it every <see cref="MeterOptions.IntervalMs"/>, with the counter reset and missed scrapes of
/// <see cref="FakeOptions.Exporter"/> scripted from the start. Started once per session; the meter reads <see cref="Url"/>.
/// </summary>
public sealed class FakePrometheusStack : IDisposable
{
    /// <summary>The Prometheus job that scrapes the exporter.</summary>
    public const string Job = "fake-exporter";

    /// <summary>The name of the exporter's truth log in a run folder (JSON lines of <see cref="ExporterScrape"/>).</summary>
    public const string TruthLogName = "fake-exporter.jsonl";

    private FakePrometheusStack(FakeEnergyExporter exporter, PrometheusServer server)
    {
        Exporter = exporter;
        Server = server;
    }

    /// <summary>The exporter (its <see cref="FakeEnergyExporter.Scrapes"/> are the truth).</summary>
    public FakeEnergyExporter Exporter { get; }

    /// <summary>The real Prometheus scraping it.</summary>
    public PrometheusServer Server { get; }

    /// <summary>Prometheus's base URL, for <see cref="PrometheusOptions.Url"/>.</summary>
    public string Url => Server.Url;

    /// <summary>One sentence for the run's meter choice: what serves the counters and what is scripted.</summary>
    public string Description { get; private init; } = "";

    /// <summary>Starts the exporter, then Prometheus, and returns once Prometheus has scraped the exporter and three intervals more have passed.</summary>
    /// <param name="fake">Idle powers and <see cref="FakeOptions.Exporter"/>.</param>
    /// <param name="meter">Its <see cref="MeterOptions.IntervalMs"/> is the scrape interval.</param>
    /// <param name="busyFile">The fake servers' busy file (see <see cref="BusyFile"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="PrometheusServerException">No <c>prometheus</c> executable here, or it did not start (with what to do).</exception>
    public static async Task<FakePrometheusStack> StartAsync(FakeOptions fake, MeterOptions meter, string busyFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(meter);
        var e = fake.Exporter;
        var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions
        {
            Power = new BusyFileExporterPower(busyFile, fake.IdleGpuPowerW, fake.IdleCpuPowerW, e.DramPowerW),
            Timestamps = e.Timestamps,
        });
        try
        {
            var intervalS = meter.IntervalMs / 1000.0;
            var server = await PrometheusServer.StartAsync(new PrometheusServerOptions
            {
                Binary = e.PrometheusBinary.Length == 0 ? null : e.PrometheusBinary,
                Targets = [new PrometheusTarget(Job, exporter.HostPort)],
                ScrapeIntervalS = intervalS,
                ScrapeTimeoutS = 0.8 * intervalS,
            }, cancellationToken).ConfigureAwait(false);
            try
            {
                // Three more scrapes before the meter starts, so it can check their spacing against Meter:IntervalMs as on a real stack.
                await Task.Delay(TimeSpan.FromSeconds(3 * intervalS), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var faults = new List<string>();
            if (e.ResetAfterSeconds > 0)
            {
                exporter.ResetCountersAt(exporter.StartedUnixS + e.ResetAfterSeconds);
                faults.Add(Invariant($"counters reset to 0 at {e.ResetAfterSeconds:0.###} s"));
            }

            if (e.MissAfterSeconds > 0)
            {
                exporter.MissScrapes(exporter.StartedUnixS + e.MissAfterSeconds, exporter.StartedUnixS + e.MissAfterSeconds + e.MissSeconds, MissedScrape.Unavailable);
                faults.Add(Invariant($"scrapes missed (503) from {e.MissAfterSeconds:0.###} s for {e.MissSeconds:0.###} s"));
            }

            return new FakePrometheusStack(exporter, server)
            {
                Description = Invariant($"the fake energy exporter at {exporter.HostPort} (power from the fake servers, timestamps {(e.Timestamps ? "on" : "off")}") +
                              (faults.Count == 0 ? "" : "; " + string.Join(", ", faults) + " after its start") +
                              Invariant($"), scraped every {intervalS:0.###} s by a real Prometheus at {server.Url} (started by this run)"),
            };
        }
        catch
        {
            exporter.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Server.Dispose();
        Exporter.Dispose();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

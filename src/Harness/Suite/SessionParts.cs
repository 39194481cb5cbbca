using System.Globalization;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// The backends (one per runtime) and the meter a configuration names. Fake backends are in-process servers coupled to the
/// fake powermetrics through one "busy" file: while a fake generates, the file holds the model's power, which the fake
/// powermetrics streams. The meter is made by a factory (given the run folder, or null for an availability probe) that
/// also says why it was chosen.
/// </summary>
internal sealed record SessionParts(
    IReadOnlyList<RuntimeBackend> Backends,
    Func<string?, CancellationToken, Task<MeterChoice>> CreateMeter,
    IReadOnlyList<IDisposable> Owned)
{
    /// <summary>The first runtime's backend (the only one in a run of one runtime).</summary>
    public ICompletionBackend Backend => Backends[0].Backend;

    public static SessionParts Create(LoadedConfiguration config, SessionClock clock)
    {
        var o = config.Options;
        var owned = new List<IDisposable>();
        var busyFile = Path.Combine(Path.GetTempPath(), $"energybench-busy-{Guid.NewGuid():N}.txt");
        owned.Add(new DeleteOnDispose(busyFile));
        var backends = o.Runtimes.Count == 0
            ? [BackendFactory.Create(o.Backend, o.Fake, config, clock, busyFile, null, owned)]
            : o.Runtimes.Select(r => BackendFactory.Create(r.Backend, r.Fake ?? o.Fake, config, clock, busyFile, r.Name, owned)).ToList();
        // A run with a fake backend is measured by the fake powermetrics (Meter:Command), whose power follows the fakes, or with
        // Meter:Kind = prometheus by the real meter reading the fake exporter (power from the fakes) through a real Prometheus.
        var createMeter = !backends.Any(b => b.Simulated) ? (_, ct) => ChooseMeterAsync(config, clock, ct)
            : o.Meter.Kind == MeterKinds.Prometheus ? FakePrometheusMeter(config, clock, busyFile, owned)
            : FakeMeter(config, clock, busyFile);
        return new SessionParts(backends, createMeter, owned);
    }

    /// <summary>
    /// The <c>prometheus</c> meter of a fake run: one <see cref="FakePrometheusStack"/> for the session (started at the first call, the
    /// availability probe's, and disposed with the session), a new meter reading it at each call, marked simulated. No meter at another
    /// interval: the interval is Prometheus's scrape interval.
    /// </summary>
    private static Func<string?, CancellationToken, Task<MeterChoice>> FakePrometheusMeter(
        LoadedConfiguration config, SessionClock clock, string busyFile, List<IDisposable> owned)
    {
        var o = config.Options;
        FakePrometheusStack? stack = null;
        return async (runFolder, ct) =>
        {
            if (stack is null)
            {
                try
                {
                    stack = await FakePrometheusStack.StartAsync(o.Fake, o.Meter, busyFile, ct).ConfigureAwait(false);
                }
                catch (PrometheusServerException e)
                {
                    throw new MeterException($"profile '{o.Profile}': the fake Prometheus stack did not start: {e.Message}");
                }

                owned.Add(stack);
            }

            if (runFolder is not null)
                stack.Exporter.LogTo(Path.Combine(runFolder, FakePrometheusStack.TruthLogName));
            var options = o.Meter.WithInterval(o.Meter.IntervalMs);
            options.Prometheus = o.Meter.Prometheus.WithUrl(stack.Url);
            return new MeterChoice(new SimulatedStackMeter(new PrometheusMeter(options, clock), stack.Description),
                $"profile '{o.Profile}': the prometheus meter reading {stack.Description}");
        };
    }

    private static async Task<MeterChoice> ChooseMeterAsync(LoadedConfiguration config, SessionClock clock, CancellationToken cancellationToken) =>
        await MeterSelector.ChooseAsync(config.Options.Meter, config.RepositoryRoot, clock, cancellationToken).ConfigureAwait(false) with
        {
            AtInterval = async (intervalMs, ct) =>
                (await MeterSelector.ChooseAsync(config.Options.Meter.WithInterval(intervalMs), config.RepositoryRoot, clock, ct).ConfigureAwait(false)).Meter,
        };

    private static Func<string?, CancellationToken, Task<MeterChoice>> FakeMeter(LoadedConfiguration config, SessionClock clock, string busyFile)
    {
        var o = config.Options;
        return (runFolder, _) => Task.FromResult(new MeterChoice(
            new PowermetricsMeter(o.Meter, config.RepositoryRoot, clock, FakeMeterEnvironment(o.Fake, busyFile, runFolder)),
            $"profile '{o.Profile}': the fake powermetrics {o.Meter.Command}, whose power follows the fake server")
        {
            AtInterval = (intervalMs, _) => Task.FromResult<IPowerMeter>(
                new PowermetricsMeter(o.Meter.WithInterval(intervalMs), config.RepositoryRoot, clock, FakeMeterEnvironment(o.Fake, busyFile, null))),
        });
    }

    private static Dictionary<string, string> FakeMeterEnvironment(FakeOptions fake, string busyFile, string? runFolder)
    {
        var env = new Dictionary<string, string>
        {
            ["FAKE_POWERMETRICS_BUSY_FILE"] = busyFile,
            ["FAKE_POWERMETRICS_IDLE_CPU_MW"] = (fake.IdleCpuPowerW * 1000).ToString("0.###", CultureInfo.InvariantCulture),
            ["FAKE_POWERMETRICS_IDLE_GPU_MW"] = (fake.IdleGpuPowerW * 1000).ToString("0.###", CultureInfo.InvariantCulture),
        };
        if (runFolder is not null)
            env["FAKE_POWERMETRICS_LOG"] = Path.Combine(runFolder, "fake-powermetrics.log");
        return env;
    }

    private sealed class DeleteOnDispose(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}

using System.Globalization;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// The backend and meter a configuration names. For <c>fake-gpt4all</c> it starts the in-process fake
/// GPT4All server and couples it to the fake powermetrics through a "busy" file: while the fake server
/// generates, the file holds the model's power, which the fake powermetrics streams. The meter is made by a
/// factory (given the run folder, or null for an availability probe) that also says why it was chosen.
/// </summary>
internal sealed record SessionParts(
    ICompletionBackend Backend,
    Func<string?, CancellationToken, Task<MeterChoice>> CreateMeter,
    IReadOnlyList<IDisposable> Owned)
{
    public static SessionParts Create(LoadedConfiguration config, SessionClock clock)
    {
        var o = config.Options;
        switch (o.Backend.Kind)
        {
            case BackendKinds.FakeGpt4All:
                return Fake(config, clock);
            case BackendKinds.LlamaSharp:
                var cache = config.Resolve(o.Embedded.SyntheticCacheDirectory);
                var resolver = new EmbeddedModelResolver(o.Embedded, config.RepositoryRoot, SyntheticModelSource.For(cache));
                var engine = new LlamaSharpBackend(o.Embedded, resolver, clock);
                return new SessionParts(engine, (_, ct) => ChooseMeterAsync(config, clock, ct), [engine]);
            default:
                var client = new Gpt4AllClient(o.Backend, clock);
                return new SessionParts(client, (_, ct) => ChooseMeterAsync(config, clock, ct), [client]);
        }
    }

    private static async Task<MeterChoice> ChooseMeterAsync(LoadedConfiguration config, SessionClock clock, CancellationToken cancellationToken) =>
        await MeterSelector.ChooseAsync(config.Options.Meter, config.RepositoryRoot, clock, cancellationToken).ConfigureAwait(false) with
        {
            AtInterval = async (intervalMs, ct) =>
                (await MeterSelector.ChooseAsync(config.Options.Meter.WithInterval(intervalMs), config.RepositoryRoot, clock, ct).ConfigureAwait(false)).Meter,
        };

    private static SessionParts Fake(LoadedConfiguration config, SessionClock clock)
    {
        var o = config.Options;
        var busyFile = Path.Combine(Path.GetTempPath(), $"energybench-busy-{Guid.NewGuid():N}.txt");
        var server = FakeGpt4AllServer.Start(o.Fake, busyFile);
        var backendOptions = new BackendOptions
        {
            Kind = o.Backend.Kind,
            BaseUrl = server.BaseUrl,
            Endpoint = o.Backend.Endpoint,
            TimeoutSeconds = o.Backend.TimeoutSeconds,
            ProbeTimeoutSeconds = o.Backend.ProbeTimeoutSeconds,
        };
        var client = new Gpt4AllClient(backendOptions, clock);
        return new SessionParts(
            client,
            (runFolder, _) => Task.FromResult(new MeterChoice(
                new PowermetricsMeter(o.Meter, config.RepositoryRoot, clock, FakeMeterEnvironment(o.Fake, busyFile, runFolder)),
                $"profile '{o.Profile}': the fake powermetrics {o.Meter.Command}, whose power follows the fake server")
            {
                AtInterval = (intervalMs, _) => Task.FromResult<IPowerMeter>(
                    new PowermetricsMeter(o.Meter.WithInterval(intervalMs), config.RepositoryRoot, clock, FakeMeterEnvironment(o.Fake, busyFile, null))),
            }),
            [server, client, new DeleteOnDispose(busyFile)]);
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

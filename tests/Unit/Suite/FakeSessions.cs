using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// Sessions against the real fake GPT4All server and client with a scripted meter whose energy is exact: a constant
/// 12 W (cpu 2 W + gpu 10 W) makes every window's energy 12 W x its duration.
/// </summary>
internal static class FakeSessions
{
    public static ScriptedPowerMeter Meter(SessionClock clock) =>
        new(clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Gpu] = 10 }), periodS: 0.05);

    /// <summary>
    /// Opens a session of <paramref name="config"/> (which may fail or be refused: the caller checks) on <paramref name="time"/>,
    /// the session's and the fake server's clock (the system clock by default).
    /// </summary>
    public static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, CancellationToken ct, TimeProvider? time = null)
    {
        var clock = new SessionClock(time);
        var server = FakeGpt4AllServer.Start(config.Options.Fake, time: time);
        var backend = Fakes.FakeServerSetup.Client(server, clock);
        return await BenchmarkSession.OpenAsync(config, clock, backend, (_, _) => Task.FromResult(new MeterChoice(Meter(clock), "scripted for the test")), [server, backend], ct);
    }
}

using System.Text.Json;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Backends;
using SlmEnergyBench.Unit.Metering;
using SlmEnergyBench.Unit.Suite;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// A whole session whose meter fails while the run goes on: the meter process dies (every later case fails saying
/// so), stalls (that case fails, the next is measured), or the wall clock steps (nothing happens: windows are on the
/// monotonic clock). The record written before the fault stays byte for byte in <c>cases.jsonl</c>.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class MeterFaultSessionTests : IDisposable
{
    private const string Model = Gpt4AllStub.Model;
    private readonly TempDirectory _folder = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunCase_MeterProcessDiesAfterTheFirstCase_FailsTheLaterCasesWithItsExitAndStderr()
    {
        // Arrange
        var exit = _folder.File("exit");
        using var server = AnsweringServer();
        var (session, meter) = await OpenAsync(server, ("FAKE_POWERMETRICS_EXIT_FILE", exit));
        await using var closing = session;
        var first = await session.RunCaseAsync(Model, 0, _ct);
        var firstLine = FaultSession.CaseLines(session.Results!.Directory).Single();

        // Act: the fake exits before its next sample.
        await File.WriteAllTextAsync(exit, "", _ct);
        await FaultSession.WaitUntilQuietAsync(meter, _ct);
        var later = new[] { await session.RunCaseAsync(Model, 1, _ct), await session.RunCaseAsync(Model, 2, _ct) };

        // Assert
        first.Outcome.Should().Be("passed", string.Join("; ", first.Problems));
        later.Should().AllSatisfy(c => c.Problems.Should().ContainSingle().Which.Should().Match(
            "powermetrics covered *% of window [*] s (* samples); at least 98% (MinCoverage) is needed: powermetrics exited with code 3 after its last sample " +
            $"ending at * s; stderr: 'fake powermetrics: exiting after * samples ({exit} exists)'. The meter is not restarted during a run, so every later case " +
            "fails the same way: fix what stderr says and run the suite again."));
        FaultSession.CaseLines(session.Results.Directory).Should().HaveCount(3).And.StartWith(firstLine);
    }

    [Fact]
    public async Task RunCase_MeterStallsDuringTheSecondCase_FailsThatCaseOnly()
    {
        // Arrange
        var stall = _folder.File("stall");
        using var server = AnsweringServer();
        var (session, meter) = await OpenAsync(server, ("FAKE_POWERMETRICS_STALL_FILE", stall));
        await using var closing = session;
        var first = await session.RunCaseAsync(Model, 0, _ct);
        var firstLine = FaultSession.CaseLines(session.Results!.Directory).Single();

        // Act
        await File.WriteAllTextAsync(stall, "", _ct);
        await FaultSession.WaitUntilQuietAsync(meter, _ct);
        var second = await session.RunCaseAsync(Model, 1, _ct);
        File.Delete(stall);
        var third = await session.RunCaseAsync(Model, 2, _ct);

        // Assert
        first.Outcome.Should().Be("passed", string.Join("; ", first.Problems));
        second.Problems.Should().ContainSingle().Which.Should().Match(
            "powermetrics covered *% of window [*] s (* samples); at least 98% (MinCoverage) is needed: powermetrics is still running but sent no sample for * s: *" +
            "This case is not measured; later cases are measured once samples come again.*");
        third.Outcome.Should().Be("passed", string.Join("; ", third.Problems));
        FaultSession.CaseLines(session.Results.Directory).Should().HaveCount(3).And.StartWith(firstLine);
        FaultSession.Outcomes(session.Results.Directory).Select(o => o.Outcome).Should().Equal("passed", "failed", "passed");
    }

    [Fact]
    public async Task RunCase_WallClockStepsBackAndForward_WindowsAndEnergyFollowTheMonotonicClock()
    {
        // Arrange: the scripted meter's 12 W make every window's energy exactly 12 W x its duration.
        var wall = new SteppingWallClock();
        var clock = new SessionClock(wall);
        var startedUtc = clock.OriginUtc;
        using var server = AnsweringServer();
        using var client = Gpt4AllStub.Client(server.BaseUrl);
        await using var session = await FaultSession.OpenAsync(Config(), clock, client, [], _ct);

        // Act: an hour back, then three forward, between the cases.
        var records = new List<Harness.Results.CaseRecord> { await session.RunCaseAsync(Model, 0, _ct) };
        wall.Step(TimeSpan.FromHours(-1));
        records.Add(await session.RunCaseAsync(Model, 1, _ct));
        wall.Step(TimeSpan.FromHours(3));
        records.Add(await session.RunCaseAsync(Model, 2, _ct));
        await session.FinishAsync(_ct);

        // Assert
        records.Should().AllSatisfy(r =>
        {
            r.Outcome.Should().Be("passed", string.Join("; ", r.Problems));
            r.Completion!.WallSeconds.Should().BePositive().And.BeLessThan(60, "a step of the wall clock is not inside any window");
            r.Energy!.Window.Domains[Domains.Total].Joules.Should().BeApproximately(12 * r.Completion.WallSeconds, 1e-9);
        });
        records.Select(r => r.Completion!.StartS).Should().BeInAscendingOrder();
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(session.Results!.Directory, "run.json"))).RootElement;
        manifest.GetProperty("startedUtc").GetDateTimeOffset().Should().Be(startedUtc, "run.json's times are wall-clock times, for people");
        manifest.GetProperty("casesPassed").GetInt32().Should().Be(3);
    }

    private Harness.Configuration.LoadedConfiguration Config() => FakeProfileConfig.Load(_folder.File("results"),
        ("ENERGYBENCH__Models", Model), ("ENERGYBENCH__Prompts__Count", "3"), ("ENERGYBENCH__Meter__IntervalMs", "50"));

    /// <summary>A GPT4All stand-in that answers every completion at once.</summary>
    private static RawHttpServer AnsweringServer() => new(request => request.Path == "/v1/models"
        ? RawAnswer.Complete(200, FaultSession.ModelList(Model))
        : RawAnswer.Complete(200, Gpt4AllStub.Completion()));

    /// <summary>A session on <paramref name="server"/> whose meter is the real powermetrics meter on the fake command, every 50 ms; and that meter.</summary>
    private async Task<(BenchmarkSession Session, PowermetricsMeter Meter)> OpenAsync(RawHttpServer server, params (string Key, string Value)[] environment)
    {
        var config = Config();
        var clock = new SessionClock();
        var client = Gpt4AllStub.Client(server.BaseUrl);
        PowermetricsMeter? meter = null; // the factory makes one for the availability check, then the run's
        var session = await FaultSession.OpenAsync(config, clock, client, [client], _ct,
            c => meter = new PowermetricsMeter(config.Options.Meter, config.RepositoryRoot, c, environment.ToDictionary(e => e.Key, e => e.Value)));
        session.FatalError.Should().BeNull();
        session.SkipReason.Should().BeNull();
        return (session, meter!);
    }
}

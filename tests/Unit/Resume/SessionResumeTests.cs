using System.Text.Json;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Resume;

/// <summary>
/// A run stopped part-way and resumed, end to end with the real fake GPT4All server and client, the real results files
/// and a scripted meter: every case recorded exactly once, the segments in run.json, the refusals.
/// </summary>
public sealed class SessionResumeTests : IDisposable
{
    private const string Small = "Llama 3.2 1B Instruct";
    private const string Large = "Llama 3 8B Instruct";
    private readonly string _results = Directory.CreateTempSubdirectory("resume-test-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    /// <summary>Two models x 2 prompts = 4 planned cases.</summary>
    private Harness.Configuration.LoadedConfiguration Config(params (string Key, string Value)[] more) =>
        FakeProfileConfig.Load(_results, [("ENERGYBENCH__Models", $"{Small},{Large}"), .. more]);

    /// <summary>Runs the first <paramref name="cases"/> cases of the plan, then stops the way a signal or a dead runner does.</summary>
    private async Task<string> RunAndInterruptAsync(int cases)
    {
        await using var session = await FakeSessions.OpenAsync(Config(), _ct);
        foreach (var c in CasePlan.Of(session.Config.Options).Take(cases))
            await session.RunCaseAsync(c.Unit, c.Prompt - 1, c.Run, _ct);
        session.Interrupt("interrupted: SIGTERM").Should().BeTrue();
        return session.Results!.RunId;
    }

    [Fact]
    public async Task Resume_AfterTwoOfFourCases_KeepsThemMeasuresTheOthersAndRecordsTwoSegments()
    {
        // Arrange
        var runId = await RunAndInterruptAsync(2);
        var interrupted = JsonDocument.Parse(File.ReadAllText(Path.Combine(_results, runId, "run.json"))).RootElement;
        interrupted.GetProperty("status").GetString().Should().Be("interrupted: SIGTERM");
        interrupted.GetProperty("casesPassed").GetInt32().Should().Be(2);

        // Act: resume the latest run and run the whole plan, as the test suite does.
        var progress = new List<CaseProgress>();
        await using (var session = await FakeSessions.OpenAsync(Config(("ENERGYBENCH_RESUME", "latest")), _ct))
        {
            session.FatalError.Should().BeNull();
            session.Results!.RunId.Should().Be(runId);
            session.Segment.Should().Be(2);
            session.Header.Should().Contain("RESUMED as segment 2: 2 of 4 cases kept from earlier segments");
            session.Observer = new Recorder(progress);
            foreach (var c in CasePlan.Of(session.Config.Options))
                (await session.RunCaseAsync(c.Unit, c.Prompt - 1, c.Run, _ct)).Outcome.Should().Be("passed");
        }

        // Assert: four records, each case once; the first two from segment 1, the others from segment 2.
        var run = RunDataReader.Read(Path.Combine(_results, runId));
        run.Cases.Select(c => (c.Model, c.PromptOrdinal, c.Segment)).Should().Equal((Small, 0, 1), (Small, 1, 1), (Large, 0, 2), (Large, 1, 2));
        File.ReadAllLines(Path.Combine(_results, runId, "cases.jsonl")).Should().HaveCount(4);
        run.Manifest.Status.Should().Be("completed");
        run.Manifest.Segments.Select(s => (s.Number, s.Status, s.CasesMeasured)).Should().Equal((1, "interrupted: SIGTERM", 2), (2, "completed", 2));
        run.Manifest.Segments[1].StartS.Should().BeGreaterThan(run.Manifest.Segments[0].StartS, "one timeline across segments");
        run.Cases[2].Completion!.StartS.Should().BeGreaterThan(run.Cases[1].Completion!.EndS);
        // Done counts the cases with a record: the two kept ones from the start of the resumption.
        progress.Select(p => (p.Done, p.Kept)).Should().Equal((2, true), (2, true), (3, false), (4, false));
        progress[^1].Total.Should().Be(4);
        var banners = ReportText.Banners(run);
        banners.Should().Contain(b => b.Kind == "resumed" && b.Text == "This run was RESUMED: 2 segments, each with its own meter session.");
    }

    [Fact]
    public async Task Resume_WithAnotherPromptCount_IsRefusedSayingWhatDiffers()
    {
        var runId = await RunAndInterruptAsync(1);

        await using var session = await FakeSessions.OpenAsync(Config(("ENERGYBENCH_RESUME", runId), ("ENERGYBENCH__Prompts__Count", "3")), _ct);

        session.FatalError.Should().StartWith($"Run {runId} cannot be resumed here: prompts:count is 3, the run's is 2")
            .And.EndWith("or start a new run (without ENERGYBENCH_RESUME / --resume).");
        File.ReadAllLines(Path.Combine(_results, runId, "cases.jsonl")).Should().HaveCount(1, "a refused resumption writes nothing");
    }

    [Fact]
    public async Task Resume_CompletedRun_IsRefused()
    {
        string runId;
        await using (var session = await FakeSessions.OpenAsync(Config(), _ct))
        {
            foreach (var c in CasePlan.Of(session.Config.Options))
                await session.RunCaseAsync(c.Unit, c.Prompt - 1, c.Run, _ct);
            runId = session.Results!.RunId;
        }

        await using var again = await FakeSessions.OpenAsync(Config(("ENERGYBENCH_RESUME", "latest")), _ct);

        again.FatalError.Should().Be($"Run {runId} is complete (4 cases passed): there is nothing to resume. Start a new run without ENERGYBENCH_RESUME (or without --resume).");
    }

    [Fact]
    public async Task Resume_UnknownRunId_IsRefusedListingTheRunsThere()
    {
        var runId = await RunAndInterruptAsync(1);

        await using var session = await FakeSessions.OpenAsync(Config(("ENERGYBENCH_RESUME", "20990101-000000-nope")), _ct);

        session.FatalError.Should().Be($"There is no run '20990101-000000-nope' to resume in {_results}; the latest runs there are {runId}. Give a run id from that folder, or 'latest'.");
    }

    [Fact]
    public async Task Open_WhileAnotherRunHoldsTheMachine_IsRefusedAndWritesNothing()
    {
        await using var first = await FakeSessions.OpenAsync(Config(), _ct);

        await using var second = await FakeSessions.OpenAsync(Config(), _ct);

        second.FatalError.Should().StartWith($"Another SlmEnergyBench run is measuring on this machine (run {first.Results!.RunId}, process {Environment.ProcessId}")
            .And.Contain("two runs at once would measure each other's work");
        Directory.EnumerateDirectories(_results).Should().ContainSingle("only the first run has a folder");
    }

    private sealed class Recorder(List<CaseProgress> seen) : IRunObserver
    {
        public void CaseFinished(CaseProgress progress) => seen.Add(progress);

        public void Warn(string message)
        {
        }
    }
}

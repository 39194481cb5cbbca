using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Backends;
using SlmEnergyBench.Unit.Suite;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// A whole session when its files or folders fail it: the disk fills while appending, the results or baselines folder
/// cannot be written, the prompts file is missing or too small, the fake meter's script is gone. Each gives one message
/// with what to do; nothing already written is lost.
/// </summary>
public sealed class EnvironmentFaultSessionTests : IDisposable
{
    private const string Model = Gpt4AllStub.Model;
    private readonly TempDirectory _folder = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly RawHttpServer _server;
    private int _completions;

    public EnvironmentFaultSessionTests() => _server = new RawHttpServer(Answer);

    public void Dispose()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task RunCase_DiskFullWhileAppendingTheThirdCase_SaysWhatIsSafeAndWhereAndMeasuresNothingMore()
    {
        // Arrange: cases.jsonl's third write runs out of space half-way; samples.jsonl is fine.
        var session = await OpenAsync(Config(("ENERGYBENCH__Prompts__Count", "4")),
            path => Path.GetFileName(path) == "cases.jsonl" ? new FullDiskStream(path, failingWrite: 3) : JsonLinesFile.OpenNew(path));
        var directory = session.Results!.Directory;
        var cases = Path.Combine(directory, "cases.jsonl");
        await session.RunCaseAsync(Model, 0, _ct);
        await session.RunCaseAsync(Model, 1, _ct);
        var before = FaultSession.CaseLines(directory);
        var sent = _completions;

        // Act
        var third = () => session.RunCaseAsync(Model, 2, _ct);
        var fourth = () => session.RunCaseAsync(Model, 3, _ct);
        var message = (await third.Should().ThrowAsync<ResultsWriteException>()).Which.Message;
        var again = (await fourth.Should().ThrowAsync<ResultsWriteException>()).Which.Message;
        var close = async () => await session.DisposeAsync();

        // Assert
        message.Should().Be(
            $"The record of case 3 of '{Model}' could not be written to {cases}: No space left on device. The 2 case(s) recorded before it are intact in " +
            $"{cases} (a partly written last line is left out by the report), and nothing more is written to this run's files. Free space on that disk " +
            $"(or set Results:Directory to another one) and run again; this run's results so far are in {directory}.");
        again.Should().Be(message, "a case that cannot be recorded is not measured");
        session.Results.WriteFailure.Should().Be(message);
        _completions.Should().Be(sent + 1, "only the third case was sent");
        await close.Should().NotThrowAsync("closing the run after the failure loses nothing more and throws nothing more");
        var lines = FaultSession.CaseLines(directory);
        lines.Should().HaveCount(3).And.StartWith(before);
        lines[2].Should().NotEndWith("}", "half of the third record reached the disk");
        var run = RunDataReader.Read(directory);
        run.Cases.Should().HaveCount(2);
        run.Warnings.Should().ContainSingle().Which.Should().StartWith($"{cases}, line 3: the last line is incomplete and was left out");
    }

    [Fact]
    public async Task Open_ResultsFolderCannotBeCreated_FailsEveryCaseSayingWhatToSet()
    {
        // Arrange: a file where the results folder should be (as a read-only folder, it cannot be written; root writes anywhere).
        var blocked = _folder.File("results");
        await File.WriteAllTextAsync(blocked, "not a folder", _ct);

        // Act
        await using var session = await OpenAsync(Config(("ENERGYBENCH__Results__Directory", blocked), ("ENERGYBENCH__Results__MachineLock", _folder.File("machine.lock"))));

        // Assert
        session.FatalError.Should().Be(
            $"The results folder {blocked} cannot be created or written (The file '{blocked}' already exists.), so nothing can be recorded and nothing was measured. " +
            "Make it a folder you can write, or set Results:Directory (e.g. ENERGYBENCH__Results__Directory=/tmp/slmbench-results) to one.");
        _completions.Should().Be(0);
    }

    [Fact]
    public async Task CompleteModel_BaselinesFolderCannotBeWritten_SaysTheRunIsUnaffectedAndWhatToDo()
    {
        // Arrange
        var blocked = _folder.File("baselines");
        await File.WriteAllTextAsync(blocked, "not a folder", _ct);
        await using var session = await OpenAsync(Config(("ENERGYBENCH__Regression__BaselinesDirectory", blocked), ("ENERGYBENCH_ACCEPT_BASELINE", "1")));
        await session.RunCaseAsync(Model, 0, _ct);
        var before = FaultSession.CaseLines(session.Results!.Directory);

        // Act
        var accept = () => session.CompleteModelAsync(Model, _ct);

        // Assert
        (await accept.Should().ThrowAsync<IOException>()).Which.Message.Should().Match(
            $"The baseline of '{Model}' could not be written to {blocked}/*/fake/llama-3-2-1b-instruct.json (*). This run ({session.Results.RunId}) and its results are " +
            "unaffected, and an earlier baseline there is intact. Make Regression:BaselinesDirectory a folder you can write (or point it at another one) " +
            "and accept again with ENERGYBENCH_ACCEPT_BASELINE=1.");
        FaultSession.CaseLines(session.Results.Directory).Should().Equal(before);
        File.Exists(Path.Combine(session.Results.Directory, "summary.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Open_PromptsFileMissing_FailsEveryCaseSayingWhatToFix()
    {
        // Act
        await using var session = await OpenAsync(Config(("ENERGYBENCH__Prompts__Source", "fixtures/prompts/gone.json")));

        // Assert
        session.FatalError.Should().Be(
            $"Prompts:Source = 'fixtures/prompts/gone.json' is neither an http(s) URL nor an existing file ({Path.Combine(TestRepository.Root, "fixtures/prompts/gone.json")} not found). " +
            "Fix Prompts:Source: a file path (relative to the repository root) or the URL of an Alpaca dataset.");
        session.Results.Should().BeNull("nothing is written for a run that cannot start");
    }

    [Fact]
    public async Task Open_PromptsFileHasFewerItemsThanThePool_SaysWhichKeysToLower()
    {
        // Act: the sample file has 12 items.
        await using var session = await OpenAsync(Config(("ENERGYBENCH__Prompts__Pool", "20"), ("ENERGYBENCH__Prompts__Count", "16")));

        // Assert
        session.FatalError.Should().Be(
            "fixtures/prompts/alpaca-sample.json has 12 items, fewer than Prompts:Pool = 20: lower Prompts:Pool (and Prompts:Count) or use a larger dataset.");
    }

    [Fact]
    public async Task Open_FakeMeterScriptMissing_SkipsSayingWhatToRestore()
    {
        // Arrange: profile fake with its real parts, its powermetrics stand-in gone.
        var config = FakeProfileConfig.Load(_folder.File("results"), ("ENERGYBENCH__Meter__Command", "fixtures/fake-powermetrics/gone"));

        // Act
        await using var session = await BenchmarkSession.OpenAsync(config, _ct);

        // Assert
        session.SkipReason.Should().Be(
            "Profile 'fake' (ENERGYBENCH_PROFILE=fake) cannot run here. Meter: powermetrics command not found: " +
            $"{Path.Combine(TestRepository.Root, "fixtures/fake-powermetrics/gone")} (Meter:Command = 'fixtures/fake-powermetrics/gone'). Set Meter:Command to the " +
            "powermetrics executable (/usr/bin/powermetrics on macOS; profile fake's stand-in is fixtures/fake-powermetrics/powermetrics: restore it with git checkout if it was deleted).");
    }

    /// <summary>GPT4All's model list, and a completion for every prompt (counted).</summary>
    private RawAnswer Answer(RawRequest request)
    {
        if (request.Path == "/v1/models")
            return RawAnswer.Complete(200, FaultSession.ModelList(Model));
        Interlocked.Increment(ref _completions);
        return RawAnswer.Complete(200, Gpt4AllStub.Completion());
    }

    private LoadedConfiguration Config(params (string Key, string Value)[] overrides) =>
        FakeProfileConfig.Load(_folder.File("results"), [("ENERGYBENCH__Models", Model), .. overrides]);

    private async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, Func<string, Stream>? open = null)
    {
        var clock = new SessionClock();
        var client = Gpt4AllStub.Client(_server.BaseUrl);
        return await BenchmarkSession.OpenAsync(config, clock, client,
            (_, _) => Task.FromResult(new Harness.Metering.MeterChoice(FaultSession.Meter(clock), "a stand-in for the test")), [client], _ct, open);
    }
}

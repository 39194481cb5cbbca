using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Unit.Metering;
using Spectre.Console.Testing;
using static SlmEnergyBench.Unit.Suite.FakeProfileModels;

namespace SlmEnergyBench.Unit.Cli;

/// <summary>
/// <c>slmbench run</c> in process against the fake profile (the fake GPT4All server, the fake powermetrics process) in
/// a temporary copy of the repository's settings: the run folder it writes, what it prints, its exit codes.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly FakeRunRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Run_FakeProfileRedirected_WritesTheRunFolderAndPrintsHeaderProgressSummariesAndReport()
    {
        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert: the folder the test suite writes, its cases in the plan's order.
        code.Should().Be(0, _repo.Error.ToString());
        var folder = _repo.RunFolder;
        Path.GetFileName(folder).Should().EndWith("-fake");
        var manifest = FakeRunRepository.Manifest(folder);
        manifest.GetProperty("status").GetString().Should().Be("completed");
        manifest.GetProperty("profileChosenBy").GetString().Should().Be("--profile fake");
        manifest.GetProperty("casesPassed").GetInt32().Should().Be(4);
        FakeRunRepository.Cases(folder).Select(c => (c.GetProperty("model").GetString(), c.GetProperty("promptOrdinal").GetInt32()))
            .Should().Equal((Small, 0), (Small, 1), (Medium, 0), (Medium, 1));
        File.Exists(Path.Combine(folder, "report.html")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "summary.json")).Should().BeTrue();

        // Assert: header, a progress line for the first case, each model's first and the last, each model's summary, the counts, the report.
        var lines = _repo.OutputLines();
        lines[0].Should().StartWith($"SlmEnergyBench run {Path.GetFileName(folder)}: profile 'fake' (--profile fake); backend fake GPT4All")
            .And.Contain("meter powermetrics, SIMULATED").And.EndWith($"results in {folder}");
        lines.Where(l => l.StartsWith("Progress: ", StringComparison.Ordinal)).Select(l => l.Split(" | ")[0] + " | " + l.Split(" | ")[1])
            .Should().Equal($"Progress: 1 of 4 cases | {Small}", $"Progress: 3 of 4 cases | {Medium}", $"Progress: 4 of 4 cases | {Medium}");
        lines.Should().Contain(l => l.StartsWith($"{Small}: 2 cases | latency mean ", StringComparison.Ordinal) && l.Contains("| NA: no baseline for this machine", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith($"{Medium}: 2 cases | latency mean ", StringComparison.Ordinal));
        lines[1].Should().StartWith("Machine: ", "the machine's state follows the header");
        lines[^3].Should().Be($"4 of 4 cases ran: 4 passed, 0 failed; results in {folder}");
        // IdleSeconds = 0 in this test: no idle power, so the cost line gives CPU seconds and says why it has no joules.
        lines[^2].Should().StartWith("Harness cost: ").And.Contain(" s CPU over ").And.Contain("no joules: no passed case has both its model's idle power");
        lines[^1].Should().Be($"Report: {Path.Combine(folder, "report.html")}");
        _repo.Console.Output.Should().BeEmpty("redirected output gets plain lines, never the live display");
        // Standard error holds at most the machine's own warning (another process busy on this machine), nothing of the run's.
        _repo.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning: Not quiet: ", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task Run_InteractiveTerminal_ShowsTheLiveDisplayThenTheClosingLines()
    {
        // Arrange: the profile from the environment, as the test suite reads it.
        _repo.Console.Interactive().SupportsAnsi(true).Width(400);
        _repo.Environment["ENERGYBENCH_PROFILE"] = "fake";

        // Act
        var code = await _repo.RunAsync("run");

        // Assert
        code.Should().Be(0, _repo.Error.ToString());
        var folder = _repo.RunFolder;
        var screen = _repo.Console.Output;
        screen.Should().Contain($"SlmEnergyBench run {Path.GetFileName(folder)}: profile 'fake' (ENERGYBENCH_PROFILE=fake)");
        screen.Should().Contain($"Energy: {Medium} / prompt 2 of 2", "the bar names the case running");
        screen.Should().Contain("Done").And.Contain("100%");
        screen.Should().Contain($"Progress: 4 of 4 cases | {Medium} | elapsed ");
        screen.Should().Contain($"Last case: {Medium} | prompt 2 (#1) | ");
        screen.Should().Contain($"{Small}: 2 cases | latency mean ").And.Contain($"Report: {Path.Combine(folder, "report.html")}");
        _repo.Output.ToString().Should().BeEmpty("an interactive terminal gets the live display only");
    }

    [Fact]
    public async Task Run_ModelNotServed_FailsItsCasesKeepsTheOthersAndExitsOne()
    {
        // Arrange
        _repo.Environment["ENERGYBENCH__Models"] = $"{Small},Phi-3 Mini Instruct";

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert
        code.Should().Be(1);
        var folder = _repo.RunFolder;
        FakeRunRepository.Cases(folder).Select(c => c.GetProperty("outcome").GetString()).Should().Equal("passed", "passed", "failed", "failed");
        FakeRunRepository.Manifest(folder).GetProperty("casesFailed").GetInt32().Should().Be(2);
        var output = _repo.Output.ToString();
        output.Should().Contain("Progress: 3 of 4 cases (1 failed) | Phi-3 Mini Instruct | ").And.Contain("| last case FAILED: ").And.Contain("does not serve 'Phi-3 Mini Instruct'");
        output.Should().Contain($"{Small}: 2 cases | latency mean ");
        output.Should().Contain("Phi-3 Mini Instruct: no passed case, so no summary and no verdict");
        output.Should().Contain($"4 of 4 cases ran: 2 passed, 2 failed; results in {folder}").And.Contain($"Report: {Path.Combine(folder, "report.html")}");
    }

    [Fact]
    public async Task Run_TwiceAsSlowAsTheAcceptedBaseline_ExitsOneSayingWorse()
    {
        // Arrange: 12 prompts, enough pairs for the signed-rank test at alpha 0.01; short answers keep it quick.
        _repo.Environment["ENERGYBENCH__Models"] = Small;
        _repo.Environment["ENERGYBENCH__Prompts__Count"] = "12";
        _repo.Environment["ENERGYBENCH__Generation__MaxTokens"] = "32";
        var accepted = await _repo.RunAsync("run", "--profile", "fake", "--accept-baseline");
        var baselines = Directory.GetFiles(Path.Combine(_repo.Root, "fixtures", "baselines"), "*.json", SearchOption.AllDirectories);
        var acceptedOutput = _repo.Output.ToString();
        _repo.Output.GetStringBuilder().Clear();
        _repo.Environment["ENERGYBENCH__Fake__SpeedFactor"] = "0.5";

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert
        accepted.Should().Be(0, _repo.Error.ToString());
        baselines.Should().ContainSingle().Which.Should().EndWith(Path.Combine("fake", "llama-3-2-1b-instruct.json"));
        acceptedOutput.Should().Contain($"Accepted this run as the new baseline: {baselines[0]}");
        code.Should().Be(1);
        var output = _repo.Output.ToString();
        output.Should().Contain($"{Small}: 12 cases | latency mean ").And.Contain("| worse: energy x").And.Contain("| worse: latency x");
        output.Should().Contain("12 of 12 cases ran: 12 passed, 0 failed");
    }

    [Fact]
    public async Task Run_MeterNotAvailable_ExitsThreeWithTheSkipReasonAndWritesNothing()
    {
        // Arrange
        _repo.Environment["ENERGYBENCH__Meter__Command"] = FakePowermetrics.NotRoot;

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert
        code.Should().Be(3);
        _repo.Error.ToString().Should().StartWith("slmbench: cannot run here: Profile 'fake' (--profile fake) cannot run here. Meter: powermetrics must run as root");
        _repo.RunFolders().Should().BeEmpty();
        _repo.Output.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("ENERGYBENCH__Prompts__Count", "0", "Prompts:Count")]
    [InlineData("ENERGYBENCH_PROFILE", "laptop", "ENERGYBENCH_PROFILE = 'laptop' is not a profile of energybench.json")]
    public async Task Run_BadConfiguration_ExitsTwoWithTheConfigurationsMessage(string variable, string value, string expected)
    {
        // Arrange
        _repo.Environment[variable] = value;

        // Act
        var code = await _repo.RunAsync("run");

        // Assert
        code.Should().Be(2);
        _repo.Error.ToString().Should().StartWith("slmbench: ").And.Contain(expected).And.NotContain(" at ");
        _repo.RunFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task Run_BrokenEnergybenchJson_ExitsTwoNamingTheFile()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_repo.Root, "energybench.json"), "{ \"Profiles\": ");

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert
        code.Should().Be(2);
        _repo.Error.ToString().Should().StartWith($"slmbench: Invalid configuration:").And.Contain(Path.Combine(_repo.Root, "energybench.json")).And.Contain("Fix the JSON syntax");
    }

    [Fact]
    public async Task Run_CtrlCDuringACase_RecordsItCancelledKeepsTheFinishedOneAndSaysHowToResume()
    {
        // Arrange: Ctrl-C 0.1 s after the first case, inside the second case's 3 s pause before its request.
        _repo.Environment["ENERGYBENCH__Protocol__PauseMs"] = "3000";
        _repo.Observer = new CtrlCAfterFirstCase(() => _repo.CtrlC!.CancelAfter(TimeSpan.FromMilliseconds(100)));

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake");

        // Assert
        code.Should().Be(130);
        var folder = _repo.RunFolder;
        var id = Path.GetFileName(folder);
        FakeRunRepository.Manifest(folder).GetProperty("status").GetString().Should().StartWith("cancelled");
        var cases = FakeRunRepository.Cases(folder);
        cases.Select(c => c.GetProperty("outcome").GetString()).Should().Equal("passed", "cancelled");
        cases[1].GetProperty("problems")[0].GetString().Should().Contain("cancelled during this case");
        var output = _repo.Output.ToString();
        output.Should().Contain($"1 of 4 cases ran: 1 passed, 0 failed; results in {folder}");
        output.Should().Contain($"Cancelled: the run stopped after 1 of 4 cases (a case it interrupted is recorded as cancelled, not as a measurement); "
                                + $"run.json says cancelled and every finished case is kept in {folder}.");
        var variables = "ENERGYBENCH__Backend__ProbeTimeoutSeconds=30 ENERGYBENCH__Generation__MaxTokens=64 "
                        + $"ENERGYBENCH__Models='{Small},{Medium}' ENERGYBENCH__Prompts__Count=2 ENERGYBENCH__Protocol__IdleSeconds=0 ENERGYBENCH__Protocol__PauseMs=3000 "
                        + $"ENERGYBENCH__Results__MachineLock={Path.Combine(_repo.Root, "machine.lock")}";
        _repo.OutputLines().Should().ContainInOrder(
            $"Resume it with: {variables} slmbench run --profile fake --resume {id}",
            $"  (from the repository: {variables} dotnet run --project src/Cli -- run --profile fake --resume {id})");
        output.Should().Contain($"Report: {Path.Combine(folder, "report.html")}");
    }

    [Fact]
    public async Task Run_ResumeOption_ReachesTheConfigurationAsResultsResume()
    {
        // Arrange: a session opener that records the configuration it is given and goes no further.
        LoadedConfiguration? seen = null;
        _repo.OpenSession = (config, _) =>
        {
            seen = config;
            throw new ConfigurationException("stopped by the test");
        };

        // Act
        var code = await _repo.RunAsync("run", "--profile", "fake", "--resume", "latest");

        // Assert
        code.Should().Be(2);
        seen!.Options.Results.Resume.Should().Be("latest");
        seen.Options.Profile.Should().Be("fake");
        _repo.Error.ToString().Should().Contain("stopped by the test");
    }

    [Fact]
    public async Task RunHelp_NamesTheOptionsAndTheExitCodes()
    {
        // Act
        var code = await _repo.RunAsync("run", "--help");

        // Assert
        code.Should().Be(0);
        var help = _repo.Output.ToString();
        help.Should().Contain("--profile").And.Contain("--resume").And.Contain("--accept-baseline");
        help.Should().Contain("1 when a case failed or a model regressed, 2 on bad input or configuration, 3 when the backend or meter is not available here, 130 when cancelled");
    }

    /// <summary>Presses Ctrl-C (the action given) when the first case finishes.</summary>
    private sealed class CtrlCAfterFirstCase(Action press) : IRunObserver
    {
        public void CaseFinished(CaseProgress progress)
        {
            if (progress.Done == 1)
                press();
        }

        public void Warn(string message)
        {
        }
    }
}

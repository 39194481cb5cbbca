using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Cli;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Unit.Reports;
using SlmEnergyBench.Unit.SeedStudy;

namespace SlmEnergyBench.Unit.Cli;

public sealed class CliAppTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly List<string> _reported = [];
    private readonly string _results = Path.Combine(Path.GetTempPath(), "slmbench-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        if (Directory.Exists(_results))
            Directory.Delete(_results, recursive: true);
    }

    private int Run(params string[] args) =>
        CliApp.Build(_output, _error, RecordReport, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 19, 35, 27, TimeSpan.Zero))).Run(args);

    private IReadOnlyList<string> RecordReport(RunData run)
    {
        _reported.Add(run.Directory);
        return [Path.Combine(run.Directory, "energy.png"), Path.Combine(run.Directory, "report.html")];
    }

    [Theory]
    [InlineData("--help")]
    [InlineData]
    public void Help_SaysWhatSlmbenchIsItsCommandsAndHowTheBenchmarkRuns(params string[] args)
    {
        // Act
        var code = Run(args);

        // Assert
        code.Should().Be(0);
        var help = _output.ToString();
        help.Should().Contain("SlmEnergyBench's command line").And.Contain("dotnet test --filter Category=Energy");
        help.Should().Contain("report <run>").And.Contain("compare <runA> <runB>").And.Contain("merge <runs>").And.Contain("import-seed <results_i.json>");
        help.Should().Contain("slmbench report results/20261126-193527-fake").And.Contain("dotnet run --project src/Cli -- report");
        _error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void CompareHelp_StatesTheExitCodes()
    {
        // Act
        var code = Run("compare", "--help");

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain("Exit code 0 when no model is worse or lost, 1 when any model is worse or lost, 2 on bad input")
            .And.Contain("--threshold").And.Contain("--alpha").And.NotContain("import-seed");
    }

    [Fact]
    public void Compare_RunWithItself_PrintsSameAndExitsZero()
    {
        // Arrange
        var run = RunComparisonFixtures.WideCopyOfFakeRun();

        // Act
        var code = Run("compare", run, run);

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain("| Llama 3.2 1B Instruct | 12 | same | x1.000 [1.000, 1.000] | same |");
        _error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Compare_AgainstA20PercentWorseRun_PrintsWorseAndExitsOne()
    {
        // Arrange
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var b = RunComparisonFixtures.WideCopyOfFakeRun(c => RunComparisonFixtures.Scale(c, 1.2));

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(1);
        _output.ToString().Should().Contain("| worse | x1.200");
    }

    [Fact]
    public void Compare_RunIdsUnderResults_AreFound()
    {
        // Arrange
        var run = RunComparisonFixtures.WideCopyOfFakeRun();

        // Act
        var code = Run("compare", ReportFixtures.FakeRunId, ReportFixtures.FakeRunId, "--results", Path.GetDirectoryName(run)!, "--threshold", "0.1");

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain("beyond 10%");
    }

    [Theory]
    [InlineData("--alpha", "1.5")]
    [InlineData("--threshold", "-0.1")]
    public void Compare_BadOption_ExitsTwo(string option, string value)
    {
        // Act
        var code = Run("compare", ReportFixtures.FakeRun, ReportFixtures.FakeRun, option, value);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Contain("--threshold must be 0 or more");
    }

    [Fact]
    public void Compare_MissingArgument_ExitsTwoWithAHint()
    {
        // Act
        var code = Run("compare", ReportFixtures.FakeRun);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Contain("slmbench --help");
    }

    [Fact]
    public void Report_ByPath_GivesTheRunFolderToTheWriterAndPrintsWhatToOpen()
    {
        // Act
        var code = Run("report", ReportFixtures.FakeRun);

        // Assert
        code.Should().Be(0);
        _reported.Should().Equal(Path.GetFullPath(ReportFixtures.FakeRun));
        _output.ToString().Should().Contain(Path.Combine(ReportFixtures.FakeRun, "energy.png"))
            .And.Contain($"Open {Path.Combine(ReportFixtures.FakeRun, "report.html")}");
    }

    [Fact]
    public void Report_ByRunId_LooksItUpUnderResults()
    {
        // Act
        var code = Run("report", ReportFixtures.FakeRunId, "--results", Path.GetDirectoryName(ReportFixtures.FakeRun)!);

        // Assert
        code.Should().Be(0);
        _reported.Should().Equal(Path.GetFullPath(ReportFixtures.FakeRun));
    }

    [Fact]
    public void Report_MissingFolder_ExitsTwoWithOneMessageNamingIt()
    {
        // Act
        var code = Run("report", "no-such-run", "--results", _results);

        // Assert
        code.Should().Be(2);
        var error = _error.ToString();
        error.Should().StartWith("slmbench: no-such-run: no such run folder").And.Contain(_results).And.NotContain(" at ");
        error.Trim().Split('\n').Should().ContainSingle();
        _reported.Should().BeEmpty();
    }

    [Fact]
    public void Report_FolderThatIsNoRun_ExitsTwo()
    {
        // Act
        var code = Run("report", Path.GetDirectoryName(ReportFixtures.FakeRun)!);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Contain("not a run folder (no run.json)");
    }

    [Fact]
    public void Compare_BrokenRunFolder_ExitsTwoNamingTheFile()
    {
        // Arrange
        var broken = ReportFixtures.CopyOfFakeRun();
        File.WriteAllText(Path.Combine(broken, "run.json"), "{ not json");

        // Act
        var code = Run("compare", ReportFixtures.FakeRun, broken);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith($"slmbench: {Path.Combine(broken, "run.json")}: not a run manifest");
    }

    [Fact]
    public void ImportSeed_Fixture_WritesARunFolderPrintsTheFiguresAndHowTimesWereInferredThenReports()
    {
        // Act
        var code = Run("import-seed", SeedStudyTestFiles.Fixture, "--model", "Tiny", "--results", _results);

        // Assert
        code.Should().Be(0);
        var folder = Path.Combine(_results, "20261126-193527-seed-import");
        File.Exists(Path.Combine(folder, "run.json")).Should().BeTrue();
        File.Exists(Path.Combine(folder, SeedStudyImport.SeedAnalysisFile)).Should().BeTrue();
        var output = _output.ToString();
        output.Should().Contain($"Imported 2 records of Tiny into {folder}");
        output.Should().Contain(SeedStudyTimeline.InferredTimesStatement);
        output.Should().Contain("| aspect | metric | study's way | this project's way | change |")
            .And.Contain("| rectangle sum vs integration over the real window | GPU energy per response, J | 4.6 | 5.75 | +25.0% |");
        _reported.Should().Equal(folder);
    }

    [Fact]
    public void ImportSeed_BadFile_ExitsTwo()
    {
        // Act
        var code = Run("import-seed", Path.Combine(_results, "results_9.json"), "--results", _results);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Contain("results_9.json: no such file");
    }

    [Fact]
    public void Report_WriterNotAvailable_SaysSoAndExitsOne()
    {
        // Arrange
        var app = CliApp.Build(_output, _error, _ => throw new NotSupportedException("report writer not merged yet"));

        // Act
        var code = app.Run(["report", ReportFixtures.FakeRun]);

        // Assert
        code.Should().Be(1);
        _error.ToString().Should().Contain("report writer not merged yet");
    }

    [Fact]
    public void ReportHelp_NamesEveryFileWrittenAndTheResultsOptionOnlyForReport()
    {
        // Act
        var code = Run("report", "--help");

        // Assert
        code.Should().Be(0);
        var help = _output.ToString();
        help.Should().Contain("report.html, report.md, cases.csv").And.Contain("charts/");
        help.Should().Contain("The results folder where a run id is looked up").And.NotContain("import-seed");
    }

    [Fact]
    public void ImportSeedHelp_DescribesResultsAsWhereTheNewRunGoes()
    {
        // Act
        var code = Run("import-seed", "--help");

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain("The results folder where the new run folder is created");
    }

    [Fact]
    public void Compare_RunBLostAModel_PrintsLostAndExitsOne()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var b = RunComparisonFixtures.WideCopyOfFakeRun();
        var cases = Path.Combine(b, "cases.jsonl");
        File.WriteAllLines(cases, File.ReadAllLines(cases).Where(l => !l.Contains($"\"model\":\"{model}\"", StringComparison.Ordinal)));

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(1);
        var output = _output.ToString();
        output.Should().Contain($"| {model} | 0 | lost | - | lost | - | lost: missing from run B").And.NotContain("no baseline");
        output.Should().Contain($"Lost in run B (1 of run A's models, a regression): {model}.");
        output.Should().Contain("| Llama 3.2 1B Instruct | 12 | same |");
    }

    [Fact]
    public void Compare_EveryCaseOfAModelFailedInRunB_PrintsLostWithTheCountAndExitsOne()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var b = RunComparisonFixtures.WideCopyOfFakeRun(c =>
        {
            if (c["model"]!.GetValue<string>() == model)
                c["outcome"] = "failed";
        });

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(1);
        _output.ToString().Should().Contain($"| {model} | 0 | lost | - | lost | - | lost: run B has no passed case of {model} (12 failed) |");
    }

    [Fact]
    public void Compare_SimulatedRunWithAMeasuredOne_PrintsEnergyNaForEveryModel()
    {
        // Arrange: B measured the same figures 20% worse; A's were simulated, so energy must not be compared.
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var b = RunComparisonFixtures.WideCopyOfFakeRun(c => RunComparisonFixtures.Scale(c, 1.2));
        RunComparisonFixtures.SetMethod(b, "measured");

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(1, "latency is still compared, and it is 20% worse");
        var output = _output.ToString();
        output.Should().Contain("meter powermetrics (measured, cpu+gpu+ane+total)").And.Contain("meter powermetrics (simulated, cpu+gpu+ane+total)");
        foreach (var model in new[] { "Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct" })
            output.Should().Contain($"| {model} | 12 | NA | - | worse | x1.200");
    }

    [Fact]
    public void Compare_ModelOnlyInRunB_IsNaAndExitsZero()
    {
        // Arrange
        const string model = "Llama 3 8B Instruct";
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var cases = Path.Combine(a, "cases.jsonl");
        File.WriteAllLines(cases, File.ReadAllLines(cases).Where(l => !l.Contains($"\"model\":\"{model}\"", StringComparison.Ordinal)));
        var b = RunComparisonFixtures.WideCopyOfFakeRun();

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain($"| {model} | 0 | NA | - | NA | - | NA: only in run B").And.NotContain("Lost in run B");
    }

    [Fact]
    public void Compare_AnotherMeter_PrintsLowerCaseMethodsEnergyNaAndStillComparesLatency()
    {
        // Arrange
        var a = RunComparisonFixtures.WideCopyOfFakeRun();
        var b = RunComparisonFixtures.WideCopyOfFakeRun(c => RunComparisonFixtures.Scale(c, 1.2));
        RunComparisonFixtures.SetMeter(b, "rapl");

        // Act
        var code = Run("compare", a, b);

        // Assert
        code.Should().Be(1);
        var output = _output.ToString();
        output.Should().Contain("meter rapl (simulated, cpu+gpu+ane+total)").And.Contain("meter powermetrics (simulated, cpu+gpu+ane+total)");
        output.Should().NotContain("Measured");
        output.Should().Contain("| Llama 3.2 1B Instruct | 12 | NA | - | worse | x1.200");
    }

    [Fact]
    public void Report_TruncatedLastCaseLine_PrintsTheWarningToStderrAndStillReports()
    {
        // Arrange
        var run = ReportFixtures.CopyOfFakeRun();
        File.AppendAllText(Path.Combine(run, "cases.jsonl"), "{\"runId\":\"20261126-202418-fake\",\"mod");

        // Act
        var code = Run("report", run);

        // Assert
        code.Should().Be(0);
        var error = _error.ToString();
        error.Should().StartWith("warning: ").And.Contain("cases.jsonl, line 13: the last line is incomplete");
        _reported.Should().Equal(Path.GetFullPath(run));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("compare")]
    public void ReportOrCompare_FileGiven_ExitsTwoAskingForTheFolderThatHoldsIt(string command)
    {
        // Arrange
        var file = Path.Combine(ReportFixtures.FakeRun, "run.json");
        string[] args = command == "report" ? [command, file] : [command, file, ReportFixtures.FakeRun];

        // Act
        var code = Run(args);

        // Assert
        code.Should().Be(2);
        _error.ToString().Trim().Should().Be(
            $"slmbench: {file} is a file; give the run folder that holds it (e.g. {Path.GetFullPath(ReportFixtures.FakeRun)}).");
    }

    [Fact]
    public void ImportSeed_FolderGiven_ExitsTwoAskingForTheResultsFile()
    {
        // Arrange
        var folder = Path.GetDirectoryName(SeedStudyTestFiles.Fixture)!;

        // Act
        var code = Run("import-seed", folder, "--results", _results);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith($"slmbench: {folder} is a folder; give the study's results_<i>.json file");
        Directory.Exists(_results).Should().BeFalse();
    }

    [Fact]
    public void ImportSeed_UnusableResults_ExitsTwoNamingTheResultsFolder()
    {
        // Arrange
        Directory.CreateDirectory(_results);
        var file = Path.Combine(_results, "a-file");
        File.WriteAllText(file, "not a folder");
        var unusable = Path.Combine(file, "results");

        // Act
        var code = Run("import-seed", SeedStudyTestFiles.Fixture, "--results", unusable);

        // Assert
        code.Should().Be(2);
        var error = _error.ToString();
        error.Should().StartWith($"slmbench: --results {unusable}: cannot use it as the results folder")
            .And.Contain("Give a folder you can write to").And.NotContain(" at ");
        error.Trim().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Report_RunIdUnderAMissingResultsFolder_SaysTheResultsFolderDoesNotExist()
    {
        // Act
        var code = Run("report", ReportFixtures.FakeRunId, "--results", _results);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Contain($"the results folder {_results} (--results) does not exist");
    }

    [Fact]
    public void Report_WriterFailsWithIOException_ExitsTwoWithOneMessageAndNoStackTrace()
    {
        // Arrange
        var app = CliApp.Build(_output, _error, _ => throw new IOException("No space left on device"));

        // Act
        var code = app.Run(["report", ReportFixtures.FakeRun]);

        // Assert
        code.Should().Be(2);
        _error.ToString().Trim().Should().Be("slmbench: No space left on device");
    }

    [Fact]
    public void Report_WriterDeniedAccess_ExitsTwoWithOneMessageAndNoStackTrace()
    {
        // Arrange
        var app = CliApp.Build(_output, _error, _ => throw new UnauthorizedAccessException("Access to the path 'report.html' is denied."));

        // Act
        var code = app.Run(["report", ReportFixtures.FakeRun]);

        // Assert
        code.Should().Be(2);
        _error.ToString().Trim().Should().Be("slmbench: Access to the path 'report.html' is denied.");
    }
}

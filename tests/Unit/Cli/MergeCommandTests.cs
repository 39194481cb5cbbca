using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Cli;
using SlmEnergyBench.Unit.Reports;
using SlmEnergyBench.Unit.Reports.Merge;

namespace SlmEnergyBench.Unit.Cli;

/// <summary><c>slmbench merge</c> in process: where it writes, what it prints, and each bad input's message and exit code.</summary>
public sealed class MergeCommandTests
{
    private static readonly ThreeMachines Runs = ThreeMachines.Make();

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private int Run(params string[] args) =>
        CliApp.Build(_output, _error, _ => throw new InvalidOperationException("merge must not make a single run's report"),
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero))).Run(args);

    [Fact]
    public void Merge_ThreeRunsWithoutOut_WritesIntoANewMergedFolderUnderResultsAndPrintsEveryPath()
    {
        // Arrange
        var results = Directory.CreateTempSubdirectory("slmbench-merge-results-").FullName;

        // Act
        var code = Run("merge", Runs.Fake, Runs.Synthetic, Runs.Seed, "--results", results);

        // Assert
        code.Should().Be(0);
        var folder = Path.Combine(results, "merged-20261201-103000");
        var output = _output.ToString();
        output.Should().StartWith("Merged 3 runs, one machine each:" + Environment.NewLine
            + $"  Intel Xeon Processor · fake GPT4All · powermetrics (SIMULATED) · 20261126-202418-fake: {Runs.Fake}")
            .And.Contain($"  Apple M1 Pro · gpt4all · powermetrics (seed study) (IMPORTED): {Runs.Seed}")
            .And.Contain($"Merged report in {folder}:").And.EndWith($"Open {Path.Combine(folder, "report.html")}{Environment.NewLine}");
        foreach (var file in (string[])["report.html", "report.md", "summaries.csv", "charts/machines-energy-per-response.png", "charts/machines-joules-per-token.svg"])
        {
            File.Exists(Path.Combine(folder, file)).Should().BeTrue(file);
            output.Should().Contain("  " + Path.Combine(folder, file));
        }

        _error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Merge_TwiceInOneSecond_WritesASecondFolder()
    {
        // Arrange
        var results = Directory.CreateTempSubdirectory("slmbench-merge-results-").FullName;
        Run("merge", Runs.Fake, Runs.Seed, "--results", results);

        // Act
        var code = Run("merge", Runs.Fake, Runs.Seed, "--results", results);

        // Assert
        code.Should().Be(0);
        File.Exists(Path.Combine(results, "merged-20261201-103000-2", "report.html")).Should().BeTrue();
    }

    [Fact]
    public void Merge_RunIdsUnderResultsWithOutAndLabels_UsesThemAll()
    {
        // Arrange
        var output = Path.Combine(Runs.Root, "out-" + Guid.NewGuid().ToString("N"));

        // Act
        var code = Run("merge", ReportFixtures.FakeRunId, "20261126-120000-seed-import", "--results", Runs.Root, "--out", output,
            "--label", "20261126-120000-seed-import=Student M1 Pro", "--label", $"{ReportFixtures.FakeRunId}=CI runner");

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain($"  CI runner (SIMULATED): {ReportFixtures.FakeRunId}{Environment.NewLine}")
            .And.Contain($"  Student M1 Pro (IMPORTED): 20261126-120000-seed-import{Environment.NewLine}");
        File.ReadAllText(Path.Combine(output, "report.md")).Should().Contain("| Llama 3.2 1B Instruct | Student M1 Pro | powermetrics (seed study) | cpu + gpu | IMPORTED | 2 | 0 |");
    }

    [Fact]
    public void Merge_OneFolderNotARun_LeavesItOutWithAWarningAndMergesTheOthers()
    {
        // Arrange
        var output = Path.Combine(Runs.Root, "out-" + Guid.NewGuid().ToString("N"));

        // Act
        var code = Run("merge", Runs.Fake, Runs.Root, Runs.Seed, "--out", output);

        // Assert
        code.Should().Be(0);
        _error.ToString().Should().Be($"warning: left out {Runs.Root}: {Runs.Root}: not a run folder (no run.json). A run folder holds run.json, cases.jsonl and samples.jsonl; "
                                      + $"give one folder under results/, not results/ itself.{Environment.NewLine}");
        File.ReadAllText(Path.Combine(output, "report.html")).Should().Contain($"Left out of this report: {Runs.Root}.");
    }

    [Fact]
    public void Merge_OneRun_ExitsTwoSayingItNeedsTwo()
    {
        // Act
        var code = Run("merge", Runs.Fake);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith($"slmbench: merge needs at least 2 runs, one per machine; 1 given ({Runs.Fake}).");
    }

    [Fact]
    public void Merge_OneRunUsable_ExitsTwoNamingTheRunLeftOut()
    {
        // Act
        var code = Run("merge", Runs.Fake, Path.Combine(Runs.Root, "missing"), "--results", Runs.Root);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith("slmbench: merge needs at least 2 usable runs; 1 of the 2 given can be merged. Left out:")
            .And.Contain($"{Path.Combine(Runs.Root, "missing")}: no such run folder, and no run '{Path.Combine(Runs.Root, "missing")}' under {Runs.Root}.");
        _output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Merge_BadLabel_ExitsTwoWithTheExpectedForm()
    {
        // Act
        var code = Run("merge", Runs.Fake, Runs.Seed, "--label", "Lab Mac");

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith("slmbench: --label Lab Mac: expected <run>=<name>");
    }

    [Fact]
    public void Merge_OutIsARunFolder_ExitsTwoWithoutWritingOverItsReport()
    {
        // Arrange
        var copy = ReportFixtures.CopyOfFakeRun();

        // Act
        var code = Run("merge", Runs.Fake, Runs.Seed, "--out", copy);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().StartWith($"slmbench: --out {copy} is a run folder (it holds run.json)");
        File.Exists(Path.Combine(copy, "report.html")).Should().BeFalse();
    }

    [Fact]
    public void Compare_ThreeRuns_ExitsTwoPointingToMerge()
    {
        // Act
        var code = Run("compare", Runs.Fake, Runs.Synthetic, Runs.Seed);

        // Assert
        code.Should().Be(2);
        _error.ToString().Should().Be("slmbench: compare sets run B against run A, two runs; 3 given. For one report of several runs (one per machine), use: "
                                      + $"slmbench merge {Runs.Fake} {Runs.Synthetic} {Runs.Seed}{Environment.NewLine}");
    }

    [Fact]
    public void MergeHelp_SaysWhatItWritesAndItsExitCodes()
    {
        // Act
        var code = Run("merge", "--help");

        // Assert
        code.Should().Be(0);
        _output.ToString().Should().Contain("writes report.html, report.md, summaries.csv and charts/ into --out")
            .And.Contain("left out with a warning while two runs remain; exit code 0, or 2 on bad input").And.Contain("--label");
    }
}

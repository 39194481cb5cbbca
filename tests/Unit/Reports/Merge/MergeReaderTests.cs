using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>Bad input to a merge: each says which run, what was wrong and what to do; one bad run never loses the others.</summary>
public sealed class MergeReaderTests
{
    private static readonly ThreeMachines Runs = ThreeMachines.Make();

    private static MergedRuns Read(params string[] folders) => MergeReader.Read(folders, f => f, []);

    [Fact]
    public void Read_OneRun_ThrowsThatMergeNeedsTwo()
    {
        // Act
        var act = () => Read(Runs.Fake);

        // Assert
        act.Should().Throw<RunDataException>().WithMessage($"merge needs at least 2 runs, one per machine; 1 given ({Runs.Fake}). Give two run folders or more*");
    }

    [Fact]
    public void Read_AFolderThatIsNotARun_LeavesItOutWithTheReasonAndKeepsTheOthers()
    {
        // Arrange
        var notARun = Directory.CreateTempSubdirectory("slmbench-not-a-run-").FullName;

        // Act
        var merged = Read(Runs.Fake, notARun, Runs.Seed);

        // Assert
        merged.Machines.Select(m => m.Run.Directory).Should().Equal(Runs.Fake, Runs.Seed);
        merged.Skipped.Should().ContainSingle().Which.Should().Be(new SkippedRun(notARun,
            $"{Path.Combine(notARun, "run.json")}: missing. A run folder holds run.json, cases.jsonl and samples.jsonl; is {notARun} a run folder?"));
    }

    [Fact]
    public void Read_ARunWithoutAPassedCase_LeavesItOutSayingSoAndHowToResume()
    {
        // Arrange
        var empty = RunCopies.WithoutCases();

        // Act
        var merged = Read(Runs.Fake, empty, Runs.Synthetic);

        // Assert
        merged.Machines.Should().HaveCount(2);
        merged.Skipped.Should().ContainSingle().Which.Reason.Should().Be(
            $"{empty}: no passed case (0 case records read from cases.jsonl, none passed), so it has no summary to set beside the other machines. "
            + "Resume it (slmbench run --resume 20261126-202418-fake) or make a new run, or leave it out.");
    }

    [Fact]
    public void Read_TheSameRunTwice_MergesItOnceAndSaysSo()
    {
        // Act
        var merged = Read(Runs.Fake, Runs.Seed, Runs.Fake + "/");

        // Assert
        merged.Machines.Should().HaveCount(2);
        merged.Skipped.Should().ContainSingle().Which.Reason.Should().Be($"{Runs.Fake}/: the same run folder as {Runs.Fake}, given twice; it is merged once.");
    }

    [Fact]
    public void Read_OnlyOneUsableRun_ThrowsNamingEachRunLeftOutAndWhy()
    {
        // Arrange
        var missing = Path.Combine(Runs.Root, "no-such-run");
        var corrupt = ReportFixtures.CopyOfFakeRun();
        File.WriteAllText(Path.Combine(corrupt, "run.json"), "{ not json");

        // Act
        var act = () => Read(Runs.Seed, missing, corrupt);

        // Assert
        var message = act.Should().Throw<RunDataException>().Which.Message;
        message.Should().StartWith("merge needs at least 2 usable runs; 1 of the 3 given can be merged. Left out:")
            .And.Contain($"{missing}: no such run folder.")
            .And.Contain($"{Path.Combine(corrupt, "run.json")}: not a run manifest (")
            .And.EndWith("Fix or replace those runs (slmbench report <run> shows what each holds), or give other run folders.");
    }

    [Fact]
    public void Read_ALabelNamingNoRunGiven_ThrowsNamingTheRunsGiven()
    {
        // Act
        var act = () => MergeReader.Read([Runs.Fake, Runs.Seed], f => f, [new LabelOverride("20261127-000000-typo", "Lab Mac")]);

        // Assert
        act.Should().Throw<RunDataException>().WithMessage(
            $"--label 20261127-000000-typo=Lab Mac: no run given as '20261127-000000-typo'. Name one of the runs given ({Runs.Fake}, {Runs.Seed}) as you gave it, by its run id or by its folder's name.");
    }

    [Fact]
    public void Read_TwoLabelsWithOneName_ThrowsThatEachMachineNeedsItsOwn()
    {
        // Act
        var act = () => MergeReader.Read([Runs.Fake, Runs.Seed], f => f, [new LabelOverride(Runs.Fake, "Mac"), new LabelOverride("20261126-120000-seed-import", "Mac")]);

        // Assert
        act.Should().Throw<RunDataException>().WithMessage($"Two runs would be labelled 'Mac' ({Runs.Fake}, {Runs.Seed}); each machine needs its own label.*");
    }
}

using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Merge;

namespace SlmEnergyBench.Unit.Reports.Merge;

public sealed class MachineLabelsTests
{
    private static readonly ThreeMachines Runs = ThreeMachines.Make();

    [Theory]
    [InlineData("fake")]
    [InlineData("20261126-202418-fake")]
    public void Merge_LabelByGivenNameOrRunId_ReplacesTheLabelAndTheLegendAddsTheMethod(string run)
    {
        // Act
        var machines = Runs.Merge(new LabelOverride(run, "CI runner, fake")).Machines;

        // Assert
        machines[0].Label.Should().Be("CI runner, fake");
        machines[0].Legend.Should().Be("CI runner, fake (SIMULATED)");
        machines[1].Label.Should().EndWith("powermetrics (SIMULATED)", "with the fake run relabelled, the synthetic run's label is no longer shared")
            .And.NotContain("20261130-120000-synthetic");
    }

    [Fact]
    public void Merge_LabelByFolderName_ReplacesThatRunsLabel()
    {
        // Act
        var machines = Runs.Merge(new LabelOverride(Path.GetFileName(Runs.Seed), "Student M1 Pro")).Machines;

        // Assert
        machines.Select(m => m.Legend).Last().Should().Be("Student M1 Pro (IMPORTED)");
    }

    [Theory]
    [InlineData("results/x")]
    [InlineData("=name")]
    [InlineData("results/x=")]
    [InlineData("results/x=  ")]
    public void Parse_NotRunEqualsName_ThrowsWithAnExample(string text)
    {
        // Act
        var act = () => LabelOverride.Parse(text);

        // Assert
        act.Should().Throw<RunDataException>().WithMessage($"--label {text}: expected <run>=<name>, e.g. --label results/20261126-193527-fake=\"Lab Mac mini M2\"*");
    }

    [Fact]
    public void Parse_FolderWithAnEqualsSign_SplitsAtTheLast()
    {
        // Act
        var label = LabelOverride.Parse("runs/a=b/20261126-202418-fake=Lab Mac");

        // Assert
        label.Should().Be(new LabelOverride("runs/a=b/20261126-202418-fake", "Lab Mac"));
    }
}

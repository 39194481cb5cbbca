using SlmEnergyBench.Harness.Reports.Merge;
using Snapshooter.Xunit3;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>The merged report.md of the three runs, given as fake, synthetic and seed: every run is deterministic, so the text is too.</summary>
public sealed class MergedMarkdownTests
{
    [Fact]
    public void Render_ThreeMachines_MatchesTheSnapshot()
    {
        // Arrange
        var merged = ThreeMachines.Make().Merge(new LabelOverride("seed", "Student MacBook Pro M1 Pro"));

        // Act
        var md = MergedMarkdown.Render(merged, MergedCharts.Render(merged));

        // Assert
        Snapshot.Match(md);
    }

    [Fact]
    public void Render_ThreeMachines_SaysWhyTheirFiguresDoNotCompareAndThatNothingIsPooled()
    {
        // Arrange
        var merged = ThreeMachines.Make().Merge();

        // Act
        var md = MergedMarkdown.Render(merged, []);

        // Assert
        md.Should().Contain("These machines' energy figures are not directly comparable: they come from different meters, domains or methods.")
            .And.Contain("Domains differ: a meter that covers the GPU alone")
            .And.Contain("Methods differ: only a measured figure comes from this machine's counters")
            .And.Contain("nothing is averaged or pooled across machines");
        md.Should().Contain("> **Energy figures of ").And.Contain(" are SIMULATED by a fake meter that the suite ships, not measured on any hardware.**");
    }
}

using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports.Sweep;

/// <summary>The published comparison of a sweep: the point at the paper's batch size 64 when the run has it, and plain words when it does not.</summary>
public sealed class PublishedPointsTests
{
    [Fact]
    public void Published_SweepWithBatch64_ShowsThatPointWithItsSteadyStateJoulesPerToken()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var ours = ThisRunRows(ReportTables.Published(run));

        // Assert: the concurrency 64 point only, at batch 64, with 1.2 J / 40 tokens.
        ours.Should().ContainSingle();
        ours[0][1].Should().Be($"{SweepRuns.Model} / concurrency 64");
        ours[0][3].Should().Be("64");
        ours[0][5].Should().Be("0.03");
        ours[0][6].Should().Be("1"); // (1 + 1) / 2 J/response
        ours[0][7].Should().Contain("J/token at the steady state (64 in flight, all slots busy)");
        ReportText.ThisRunScope(run).Should().StartWith("this run measured every model at 64 requests in flight, the paper's batch size");
        MarkdownReport.Render(run, []).Should().NotContain("compare orders of magnitude only");
    }

    [Fact]
    public void Published_SweepWithBatch64NotReached_UsesTheRatioOfTotalsAtThatPoint()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep(reached64: false);

        // Act
        var ours = ThisRunRows(ReportTables.Published(run));

        // Assert: 2 J / 100 tokens.
        ours.Should().ContainSingle().Which[5].Should().Be("0.02");
        ours[0][7].Should().Contain("J/token as ratio of totals");
    }

    [Fact]
    public void Published_SweepWithoutBatch64_ShowsEveryPointAtItsBatchAndSaysOrdersOfMagnitude()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep(with64: false);

        // Act
        var ours = ThisRunRows(ReportTables.Published(run));
        var charts = RunCharts.Render(run);

        // Assert
        ours.Select(r => (r[3], r[5])).Should().Equal(("1", "0.133"), ("4", "0.05"));
        ReportText.ThisRunScope(run).Should().StartWith("this run's largest batch is 4; the paper measured at batch 64: compare orders of magnitude only. This run covers");
        charts.Single(c => c.FileStem == RunCharts.PublishedJoulesPerToken).Caption
            .Should().Contain("with this run's largest batch 4 against the paper's 64, this compares orders of magnitude only.");
        charts.Single(c => c.FileStem == RunCharts.PublishedJoulesPerToken).Series
            .Should().Contain(s => s.StartsWith($"This run: {SweepRuns.Model} / concurrency 4, fake backend (simulated), batch 4,", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_RunWithoutSweep_StaysBatchOneForEveryModel()
    {
        // Arrange
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        // Act
        var ours = ThisRunRows(ReportTables.Published(run));

        // Assert: the fixed run's three models, each at batch 1 (with its GPU-only row).
        ours.Should().HaveCount(6).And.OnlyContain(r => r[3] == "1");
        ReportText.ThisRunScope(run).Should().StartWith("this run is batch 1 and covers");
    }

    private static IReadOnlyList<string>[] ThisRunRows(ReportTable table) =>
        [.. table.Rows.Where(r => r[0].StartsWith(ReportTables.ThisRunSource, StringComparison.Ordinal))];
}

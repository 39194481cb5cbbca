using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Sweep;
using SlmEnergyBench.Harness.Sweeps;
using Snapshooter.Xunit3;

namespace SlmEnergyBench.Unit.Reports.Sweep;

/// <summary>The Sweep section's table on the hand-made sweeps of <see cref="SweepRuns"/>, each figure worked out by hand.</summary>
public sealed class SweepTableTests
{
    [Fact]
    public void Of_RunWithoutSweep_IsNullAndTheReportsHaveNoSweepSection()
    {
        // Arrange
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        // Act & Assert
        SweepTable.Of(run).Should().BeNull();
        MarkdownReport.Render(run, []).Should().NotContain("## Sweep");
        HtmlReport.Render(run, []).Should().NotContain("id=\"sweep\"");
    }

    [Fact]
    public void Of_ConcurrencySweep_OneRowPerPointWithHandWorkedFigures()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var table = SweepTable.Of(run)!;

        // Assert
        table.Rows.Should().HaveCount(3);
        var c1 = Cells(table, 0);
        var c4 = Cells(table, 1);
        var c64 = Cells(table, 2);

        c1["Model"].Should().Be(SweepRuns.Model);
        c1["Point"].Should().Be("concurrency 1");
        c1["Settings"].Should().Be("temperature 0.7, max tokens 256, concurrency 1");
        c1["Passed"].Should().Be("2");
        c1["Failed"].Should().Be("0");
        c1["Output tokens"].Should().Be("150"); // (100 + 200) / 2
        c1["J/response"].Should().StartWith("20 ["); // (10 + 30) / 2
        c1["J/token (ratio of totals)"].Should().Be("0.133"); // 40 J / 300 tokens
        c1["Steady state s"].Should().Be("one request at a time");
        c1["Steady J/token"].Should().BeEmpty();
        c1["Latency s"].Should().StartWith("3 ["); // (2 + 4) / 2
        c1["Attributed J vs window J"].Should().BeEmpty();

        c4["Output tokens"].Should().Be("100");
        c4["J/response"].Should().StartWith("5 ["); // (4 + 6) / 2
        c4["J/token (ratio of totals)"].Should().Be("0.05"); // 10 J / 200 tokens
        c4["Steady state s"].Should().Be("2"); // 3 - 1
        c4["Steady J/token"].Should().Be("0.04"); // 6 J / 150 tokens
        c4["Steady J/token net of idle"].Should().Be("0.0267"); // 4 J / 150 tokens
        c4["Steady tok/s"].Should().Be("75"); // 150 tokens / 2 s
        c4["TTFT s"].Should().StartWith("1 ["); // (0.5 + 1.5) / 2
        c4["Latency s"].Should().StartWith("4 [");
        c4["Attributed J vs window J"].Should().Be("10 vs 10.01 (-0.10%)"); // (10 - 10.01) / 10.01 = -0.0999%

        c64["Steady J/token"].Should().Be("0.03"); // 1.2 J / 40 tokens
        c64["Steady tok/s"].Should().Be("40"); // 40 tokens / 1 s
        c64["Steady J/token net of idle"].Should().BeEmpty(); // idle not measured
        c64["Attributed J vs window J"].Should().Be("2 vs 2 (0.00%)");
    }

    [Fact]
    public void Of_PointWithoutSteadyState_SaysWhyInsteadOfFigures()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep(reached64: false);

        // Act
        var c64 = Cells(SweepTable.Of(run)!, 2);

        // Assert
        c64["Steady state s"].Should().Be("not reached: fewer prompts (2) than slots (64)");
        c64["Steady J/token"].Should().BeEmpty();
        c64["Steady tok/s"].Should().BeEmpty();
        c64["J/token (ratio of totals)"].Should().Be("0.02"); // 2 J / 100 tokens
    }

    [Fact]
    public void Of_FailedRequest_IsCountedAndLeftOutOfTheFigures()
    {
        // Arrange: the temperature sweep with a third, failed request at temperature 0 (1000 tokens, 1000 J).
        var sweep = SweepRuns.TemperatureSweep();
        var run = SweepRuns.With([.. sweep.Cases, SweepRuns.Case(SweepRuns.Temperature(0), 2, 1000, 1000, 2, outcome: "failed")], []);

        // Act
        var t0 = Cells(SweepTable.Of(run)!, 0);

        // Assert
        t0["Passed"].Should().Be("2");
        t0["Failed"].Should().Be("1");
        t0["Output tokens"].Should().Be("110"); // (100 + 120) / 2
        t0["J/token (ratio of totals)"].Should().Be("0.1"); // 22 J / 220 tokens
    }

    [Fact]
    public void MarkdownReport_ConcurrencySweep_SweepSectionMatchesTheSnapshot()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var md = MarkdownReport.Render(run, []);

        // Assert
        var start = md.IndexOf("## Sweep\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var end = md.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Snapshot.Match(md[start..end]);
    }

    [Fact]
    public void HtmlReport_ConcurrencySweep_HasTheSweepSectionInTheNavigation()
    {
        // Arrange
        var run = SweepRuns.ConcurrencySweep();

        // Act
        var html = HtmlReport.Render(run, []);

        // Assert
        html.Should().Contain("<a href=\"#sweep\">Sweep</a>").And.Contain("<section id=\"sweep\">\n<h2>Sweep</h2>");
        html.Should().Contain("10 vs 10.01 (-0.10%)");
    }

    [Fact]
    public void Of_BatchSweep_DescribesThePointsAsTheInProcessEnginesBatchAndThreads()
    {
        // Arrange: in-process batch 1 and 4 (the fake run's backend is configured as a server; batch 4 can only be in process).
        var b4 = new SweepPoint("batch 4", 0.7, 256, 1, 4, 2);
        var run = SweepRuns.With([SweepRuns.Case(b4, 0, 100, 4, 3), SweepRuns.Case(b4, 1, 100, 6, 5)], [SweepRuns.Point(b4, 10, 10, SweepRuns.Reached(1, 3, 6, null, 150), 200, 5)]);

        // Act
        var row = Cells(SweepTable.Of(run)!, 0);

        // Assert
        row["Settings"].Should().Be("temperature 0.7, max tokens 256, batch 4, threads 2");
        row["Steady J/token"].Should().Be("0.04");
    }

    private static Dictionary<string, string> Cells(ReportTable table, int row) =>
        table.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => table.Rows[row][x.i], StringComparer.Ordinal);
}

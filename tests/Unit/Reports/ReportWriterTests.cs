using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using Snapshooter.Xunit3;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>
/// The report files of a run. The Markdown report of the fixed run is pinned: a change of it is a change of what a
/// pull-request comment shows, to accept deliberately (delete the snapshot and rerun).
/// </summary>
public sealed class ReportWriterTests
{
    [Fact]
    public void MarkdownReport_FixedRun_MatchesTheSnapshot()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        Snapshot.Match(MarkdownReport.Render(run, RunCharts.Render(run)));
    }

    [Fact]
    public void Write_CopyOfFixedRun_WritesEveryFileAtomicallyAndReturnsThePaths()
    {
        var dir = ReportFixtures.CopyOfFakeRun();
        var run = RunDataReader.Read(dir);
        var charts = ReportTestCharts.Fixed();

        var files = ReportWriter.Write(run, charts);

        files.Html.Should().Be(Path.Combine(dir, "report.html"));
        files.Markdown.Should().Be(Path.Combine(dir, "report.md"));
        files.Csv.Should().Be(Path.Combine(dir, "cases.csv"));
        files.Charts.Should().Equal(
            Path.Combine(dir, "charts", "energy-per-response.png"), Path.Combine(dir, "charts", "energy-per-response.svg"),
            Path.Combine(dir, "charts", "tokens-per-second.png"), Path.Combine(dir, "charts", "tokens-per-second.svg"));
        File.ReadAllBytes(files.Charts[0]).Should().Equal(charts[0].Png);
        File.ReadAllText(files.Charts[1]).Should().Be(charts[0].Svg);
        File.ReadAllText(files.Html).Should().Be(HtmlReport.Render(run, charts));
        File.ReadAllText(files.Markdown).Should().Be(MarkdownReport.Render(run, charts));
        File.ReadAllText(files.Csv).Should().Be(CasesCsv.Render(run));
        Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void Write_Twice_GivesTheSameBytes()
    {
        var run = RunDataReader.Read(ReportFixtures.CopyOfFakeRun());

        var first = File.ReadAllText(ReportWriter.Write(run, ReportTestCharts.Fixed()).Html);
        var second = File.ReadAllText(ReportWriter.Write(run, ReportTestCharts.Fixed()).Html);

        second.Should().Be(first);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Write_ChartStemThatIsNoPlainFileName_Throws(string stem)
    {
        var run = RunDataReader.Read(ReportFixtures.CopyOfFakeRun());
        var chart = ReportTestCharts.Fixed()[0] with { FileStem = stem };

        var act = () => ReportWriter.Write(run, [chart]);

        act.Should().Throw<ArgumentException>().WithMessage("*not a plain file name*");
    }

    [Fact]
    public void MarkdownReport_EstimatedCopy_ShowsTheBannerAndMarksEnergy()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var md = MarkdownReport.Render(run, []);

        md.Should().Contain("> **Energy figures in this report are ESTIMATED by a power model, not measured by a counter. Estimator: powermetrics (");
        md.Should().Contain("\\~");
    }

    [Fact]
    public void Reports_FailedCase_ListedInMarkdownAndMarkedInHtml()
    {
        var run = RunDataReader.Read(RunCopies.WithFirstCaseFailed("coverage 0.5 | below <0.98>"));

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        md.Should().Contain("## Failed cases\n\n- Llama 3.2 1B Instruct: 1 failed: coverage 0.5 \\| below \\<0.98\\>\n\n- Llama 3.2 1B Instruct, prompt 1, repetition 1: coverage 0.5 \\| below \\<0.98\\>\n\n");
        md.Should().NotContain("second problem");
        html.Should().Contain("<tr class=\"failed\"><th scope=\"row\">Llama 3.2 1B Instruct</th>")
            .And.Contain("coverage 0.5 | below &lt;0.98&gt;; second problem");
        MarkdownReport.Render(RunDataReader.Read(ReportFixtures.FakeRun), []).Should().NotContain("Failed cases");
    }
}

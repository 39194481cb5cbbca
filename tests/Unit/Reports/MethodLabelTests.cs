using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>
/// Every report file names each figure's method: the fixed fake run (a simulated meter behind a fake backend) is never
/// called measured, an imported run says IMPORTED, an estimated one ESTIMATED with ~ on its figures, and the GPU's own
/// figure shows beside the total.
/// </summary>
public sealed class MethodLabelTests
{
    private static readonly Lazy<(RunData Run, IReadOnlyList<RenderedChart> Charts)> FakeRun = new(() =>
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        return (run, RunCharts.Render(run));
    });

    [Fact]
    public void Reports_FixedFakeRun_NeverCallItsSimulatedFiguresMeasured()
    {
        var (run, charts) = FakeRun.Value;

        var md = MarkdownReport.Render(run, charts);
        var html = HtmlReport.Render(run, charts);
        var csv = CasesCsv.Render(run);

        run.Cases.Should().OnlyContain(c => MethodWords.MeasuredClaims(c.PromptText + c.Completion!.Text).Count == 0,
            "no prompt or response of the fixture says measured, or this test could not tell");
        MethodWords.MeasuredClaims(md).Should().BeEmpty();
        MethodWords.MeasuredClaims(html).Should().BeEmpty();
        MethodWords.MeasuredClaims(csv).Should().BeEmpty();
        md.Should().Contain("**Method:** SIMULATED by a fake meter that the suite ships, not measured on any hardware.");
        md.Should().Contain("Every energy figure is SIMULATED.");
        csv.Split('\n').Skip(1).Where(l => l.Length > 0 && l.StartsWith(ReportFixtures.FakeRunId, StringComparison.Ordinal))
            .Should().HaveCount(12).And.OnlyContain(l => l.Contains(",simulated,true,", StringComparison.Ordinal));
    }

    [Fact]
    public void MethodWords_MeasuredClaim_IsFoundAndNegationsAreNot()
    {
        MethodWords.MeasuredClaims("Energy measured by powermetrics.").Should().ContainSingle();
        MethodWords.MeasuredClaims("| Measured | 12 |").Should().ContainSingle();
        MethodWords.MeasuredClaims("SIMULATED, not measured on any hardware. " + MethodWords.PaperSentence).Should().BeEmpty();
    }

    [Fact]
    public void Reports_ImportedCopy_SayImportedWhereverTheMethodShows()
    {
        var run = RunDataReader.Read(RunCopies.WithMethod("imported"));

        var md = MarkdownReport.Render(run, []);
        var csv = CasesCsv.Render(run);

        md.Should().Contain("> **Energy figures in this report are IMPORTED from another study's samples on inferred times, not measured by this suite.");
        md.Should().Contain("**Method:** IMPORTED from another study's samples on inferred times, not measured by this suite.");
        md.Should().Contain("| IMPORTED |").And.Contain("Every energy figure is IMPORTED.");
        MethodWords.MeasuredClaims(md).Should().BeEmpty();
        csv.Should().Contain(",imported,true,").And.NotContain(",measured,");
    }

    [Fact]
    public void Reports_EstimatedCopy_SayEstimatedAndMarkEveryEnergyFigure()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        md.Should().Contain("| ESTIMATED |").And.Contain("\\~ marks an ESTIMATED figure");
        // The 1B model's J/response and its GPU share both carry the mark: ~5.539 [~1.38, ~9.697] and ~5.043 [...].
        md.Should().Contain("| \\~5.539 [\\~1.38, \\~9.697] |").And.Contain("| \\~5.043 [");
        html.Should().Contain(">~5.539<").And.Contain("banner estimated");
    }

    [Fact]
    public void MarkdownReport_FixedFakeRun_ShowsTheGpusOwnFigureBesideTheTotal()
    {
        var (run, charts) = FakeRun.Value;

        var md = MarkdownReport.Render(run, charts);

        var header = md.Split('\n').Single(l => l.StartsWith("| Model | Passed |", StringComparison.Ordinal));
        header.Should().Contain("| J/response | J/response cpu | J/response gpu | J/response ane |");
        // Llama 3.2 1B's GPU: (8.681 + 1.441 + 1.041 + 9.009) / 4 = 5.043 J per response (cases.jsonl); its total 5.539 J.
        var row = md.Split('\n').First(l => l.StartsWith("| Llama 3.2 1B Instruct | 4 | 0 |", StringComparison.Ordinal));
        row.Should().Contain("| 5.539 [1.38, 9.697] | 0.495 [").And.Contain("| 5.043 [");
        md.Should().Contain("### Energy and power per domain").And.Contain("| Llama 3.2 1B Instruct | gpu | 5.043 [");
        // Its GPU J/token: 20.173 J / 441 completion tokens = 0.0457 (ratio of totals), beside the GPU-only published figures.
        md.Should().Contain("| GPU only (powermetrics) | 0.0457 | 5.043 |");
        run.Summary.Models[0].Method.Should().Be(EnergyMethod.Simulated);
    }
}

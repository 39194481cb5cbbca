using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>report.md as a pull-request comment: warnings, counts from the records, failures summarised, nothing linked, bounded length.</summary>
public sealed class MarkdownReportTests
{
    [Fact]
    public void Render_RunWithWarnings_ListsEachEscapedAndCutNearTheTop()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var longWarning = "cases.jsonl, line 13: <bad> | " + new string('w', 400);
        run = run with { Warnings = ["samples.jsonl, line 7: the last line is incomplete *", longWarning] };

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        var section = md.IndexOf("## Warnings\n\n", StringComparison.Ordinal);
        section.Should().BePositive().And.BeLessThan(md.IndexOf("## How energy was obtained", StringComparison.Ordinal));
        md.Should().Contain("- samples.jsonl, line 7: the last line is incomplete \\*\n");
        var cut = ReportNumbers.Cut(longWarning, ReportText.WarningLength);
        cut.Should().HaveLength(ReportText.WarningLength).And.EndWith("...");
        md.Should().Contain("- " + MarkdownText.Escape(cut) + "\n").And.NotContain(new string('w', 300));
        html.Should().Contain("<dt>Warning</dt><dd>cases.jsonl, line 13: &lt;bad&gt; | www");
    }

    [Fact]
    public void Render_FixedRun_HasNoWarningsSectionAndSaysWhereLinksAreRelativeTo()
    {
        var md = MarkdownReport.Render(RunDataReader.Read(ReportFixtures.FakeRun), []);

        md.Should().NotContain("## Warnings");
        md.Should().Contain($"Links are relative to the run folder results/{ReportFixtures.FakeRunId}/.\n");
    }

    [Fact]
    public void Render_CasesMissingFromCasesJsonl_CountsTheRecordsAndSaysRunJsonDiffers()
    {
        var run = RunDataReader.Read(RunCopies.WithoutLastCase());
        const string counts = "11 passed, 0 failed (run.json says 12 passed, 0 failed; cases.jsonl holds 11 readable records: 11 passed, 0 failed)";

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        md.Should().Contain($"Cases: {counts}.");
        html.Should().Contain($"<dt>Cases</dt><dd>{counts}</dd>");
    }

    [Fact]
    public void Render_FixedRun_CountsAgreeSoOnlyTheCountsShow()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        MarkdownReport.Render(run, []).Should().Contain("Cases: 12 passed, 0 failed.").And.NotContain("run.json says");
        HtmlReport.Render(run, []).Should().Contain("<dt>Cases</dt><dd>12 passed, 0 failed</dd>");
    }

    [Fact]
    public void Render_NoCases_SaysSoPlainlyWithoutTablesOrAMeasuredClaim()
    {
        var run = RunDataReader.Read(RunCopies.WithoutCases());

        var md = MarkdownReport.Render(run, RunCharts.Render(run));
        var html = HtmlReport.Render(run, RunCharts.Render(run));

        run.Cases.Should().BeEmpty();
        md.Should().Contain("Cases: no cases recorded (run.json says 12 passed, 0 failed; cases.jsonl holds no readable record).");
        md.Should().Contain("## Per-model summary\n\nNo cases recorded: cases.jsonl holds no readable record");
        md.Should().NotContain("| Model | Passed |").And.NotContain("all energy figures measured");
        html.Should().Contain("<p>No cases recorded: cases.jsonl holds no readable record").And.Contain("<h2>Cases</h2>\n<p>No cases recorded.</p>");
        html.Should().NotContain("all energy figures measured").And.NotContain("<th scope=\"col\">Latency s</th>");
    }

    [Fact]
    public void Render_ModelWithOnePassedCase_ShowsTheMeanWithoutAnInterval()
    {
        var run = RunDataReader.Read(RunCopies.WithOnePassedCase("Llama 3.2 1B Instruct"));

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        var row = md.Split('\n').Single(l => l.StartsWith("| Llama 3.2 1B Instruct | 1 | 3 |", StringComparison.Ordinal));
        row.Should().Contain("(n = 1, no interval)").And.NotContain("[");
        md.Split('\n').Single(l => l.StartsWith("| Llama 3.2 3B Instruct | 4 | 0 |", StringComparison.Ordinal)).Should().Contain("[").And.NotContain("no interval");
        html.Should().Contain("(n = 1, no interval)</td>");
    }

    [Fact]
    public void Render_FiveHundredLongFailures_SummarisesPerModelListsTenAndStaysShort()
    {
        var run = RunDataReader.Read(RunCopies.WithManyFailures(500, 5000));

        var md = MarkdownReport.Render(run, RunCharts.Render(run));

        run.Cases.Should().HaveCount(500);
        md.Length.Should().BeLessThan(MarkdownReport.MaxLength);
        var section = md[md.IndexOf("## Failed cases", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        var lines = section.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToArray();
        lines.Should().HaveCount(3 + 10 + 1, "three model summaries, ten cases, one count of the rest");
        lines[0].Should().StartWith("- Llama 3.2 1B Instruct: 168 failed: case 0: @\u200Docto");
        lines[1].Should().StartWith("- Llama 3.2 3B Instruct: 168 failed: ");
        lines[2].Should().StartWith("- Llama 3 8B Instruct: 164 failed: ");
        lines[^1].Should().Be("- ... and 490 more, see cases.csv");
        lines.Take(13).Should().OnlyContain(l => l.Length < 400, "each problem is cut to 200 characters");
        md.Should().NotContain("@octocat").And.NotContain("#123").And.Contain("#\u200D123").And.Contain("\\| \\<b\\>");
    }

    [Fact]
    public void Escape_MentionsAndIssueReferences_AreBrokenByAJoinerAndPlainSignsKept()
    {
        MarkdownText.Escape("ping @octocat about #123, owner/repo#7")
            .Should().Be("ping @\u200Doctocat about #\u200D123, owner/repo#\u200D7");
        MarkdownText.Escape("a # b @ c, C# and 5@").Should().Be("a # b @ c, C# and 5@");
    }

    [Fact]
    public void Limit_TextOverTheMaximum_IsCutAtALineWithTheNotice()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i}\n"));

        var cut = MarkdownReport.Limit(text, 100);

        cut.Length.Should().BeLessThanOrEqualTo(100);
        cut.Should().EndWith("\n\n(cut: see report.html)\n").And.StartWith("line 0\nline 1\n");
        cut[..cut.IndexOf("\n\n(cut", StringComparison.Ordinal)].Split('\n').Should().OnlyContain(l => l.StartsWith("line ", StringComparison.Ordinal));
        MarkdownReport.Limit(text, text.Length).Should().BeSameAs(text);
    }

    [Fact]
    public void Render_EmptySamples_ChartsSectionSaysWhyThereIsNoPowerChart()
    {
        var run = RunDataReader.Read(RunCopies.WithoutSamples());
        var charts = RunCharts.Render(run);

        var md = MarkdownReport.Render(run, charts);
        var html = HtmlReport.Render(run, charts);

        charts.Should().NotContain(c => c.FileStem.StartsWith("power-", StringComparison.Ordinal));
        md.Should().Contain("## Charts\n\nNo power-over-time chart: samples.jsonl holds no meter sample.\n");
        html.Should().Contain("<p class=\"note\">No power-over-time chart: samples.jsonl holds no meter sample.</p>");
        MarkdownReport.Render(RunDataReader.Read(ReportFixtures.FakeRun), RunCharts.Render(RunDataReader.Read(ReportFixtures.FakeRun)))
            .Should().NotContain("No power-over-time chart");
    }
}

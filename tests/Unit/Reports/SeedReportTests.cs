using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.SeedStudy;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>A run imported from the seed study: both reports show the re-analysis, its differences and the inferred sample times.</summary>
public sealed class SeedReportTests
{
    private static RunData RunWithSeedAnalysis()
    {
        SeedStudyRecord[] records =
        [
            new(2000, "Name three units.", 17, 5, "Joule, calorie and kilowatt-hour.", 33, 10, [new(90, 1000, 8000, 9000, 100), new(90, 1200, 8400, 9600, 200)]),
            new(4000, "Explain power.", 14, 4, "Power is energy per unit of time, measured in watts.", 52, 14, [new(89, 1100, 9000, 10100, 100)]),
        ];
        return RunDataReader.Read(ReportFixtures.FakeRun) with { SeedAnalysis = SeedStudyAnalysis.Compare(records) };
    }

    [Fact]
    public void Html_SeedAnalysis_ShowsBothMethodsTheDifferencesAndTheInferredTimes()
    {
        var run = RunWithSeedAnalysis();

        var html = HtmlReport.Render(run, []);

        html.Should().Contain("<h2>The seed study re-analysed</h2>");
        // Right after the summary, before the charts: for an imported study the re-analysis is the point of the report.
        html.IndexOf("id=\"seed\"", StringComparison.Ordinal).Should().BeGreaterThan(html.IndexOf("id=\"summary\"", StringComparison.Ordinal))
            .And.BeLessThan(html.IndexOf("id=\"published\"", StringComparison.Ordinal));
        html.Should().Contain("characters per second, as reported").And.Contain("rectangle sum").And.Contain("integrated over the measured duration (sample times inferred)");
        foreach (var d in run.SeedAnalysis!.Differences)
            html.Should().Contain(System.Net.WebUtility.HtmlEncode(d.Aspect));
        html.Should().Contain("the sample times were inferred").And.Contain(System.Net.WebUtility.HtmlEncode(run.Manifest.Meter.Notes));
        html.Should().MatchRegex(@"<td class=""num"">[+-][0-9]+\.[0-9]%</td>");
        html.Should().Contain("href=\"seed-analysis.json\"");
    }

    [Fact]
    public void Markdown_SeedAnalysis_ShowsTheTables()
    {
        var run = RunWithSeedAnalysis();

        var md = MarkdownReport.Render(run, []);

        md.Should().Contain("## The seed study re-analysed").And.Contain("| Figure | The study's method | This project's method |")
            .And.Contain("| Aspect | Metric | From | To | Relative change |").And.Contain("words vs characters");
    }
}

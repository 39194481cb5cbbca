using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Unit.SeedStudy;

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
        html.Should().Contain("characters per second, as reported").And.Contain("rectangle sum").And.Contain("integrated over the recorded duration (sample times inferred)");
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

    [Fact]
    public void Reports_ImportedSeedStudy_SayImportedShowTheGpusOwnFigureAndMarkTheCasesBelowLiveCoverage()
    {
        // The hand-made fixture: 4 samples at 10, 12, 14, 16 W GPU (1 W CPU) over 0.5 s, then 2 at 20 W GPU (2, 4 W CPU)
        // over 0.25 s. Energy = mean power x duration: GPU 13 x 0.5 = 6.5 J and 20 x 0.25 = 5 J, mean 5.75 J;
        // CPU 0.5 J and 0.75 J. Both have 80% of the nominal samples (4 x 0.1 / 0.5, 2 x 0.1 / 0.25), below 98%.
        var root = Directory.CreateTempSubdirectory().FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, root, "Tiny", time));

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);
        var csv = CasesCsv.Render(run).Split('\n');

        md.Should().Contain("> **Energy figures in this report are IMPORTED from another study's samples on inferred times, not measured by this suite.")
            .And.Contain("2 of 2 cases are below the coverage a live case needs");
        var header = md.Split('\n').Single(l => l.StartsWith("| Model | Passed |", StringComparison.Ordinal)).Split(" | ");
        var row = md.Split('\n').Single(l => l.StartsWith("| Tiny | 2 | 0 |", StringComparison.Ordinal)).Split(" | ");
        row[Array.IndexOf(header, "J/response gpu")].Should().StartWith("5.75 [");
        row[Array.IndexOf(header, "J/response cpu")].Should().StartWith("0.625 [");
        row[^1].Should().Be("IMPORTED |");
        html.Should().Contain("class=\"banner imported\"").And.Contain("Below live coverage: the samples cover 80.0%");
        md.Should().Contain("| Model | Domain | J/response | Average W | Share of total J |", "the study measured no idle power, so there is no net column")
            .And.Contain("| Tiny | gpu | 5.75 [");
        var columns = csv[0].Split(',');
        var gpu = Array.IndexOf(columns, "energy_gpu_j");
        double.Parse(csv[1].Split(',')[gpu], CultureInfo.InvariantCulture).Should().BeApproximately(6.5, 1e-9);
        double.Parse(csv[2].Split(',')[gpu], CultureInfo.InvariantCulture).Should().BeApproximately(5, 1e-9);
        csv[1].Should().Contain(",imported,false,");
    }

    [Fact]
    public void Markdown_ImportedStudyResults_ShowsTheGpusOwnJoulesPerResponseBesideTheTotalAsTheReadmeSays()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.RequireStudyResults(), root, "Llama 3.2 1B Instruct", time));

        var md = MarkdownReport.Render(run, []);

        // README, import-seed: "J/response gpu 62.025 J of 68.162 J", beside the re-analysis's 62.02 J GPU and 68.16 J all domains.
        var header = md.Split('\n').Single(l => l.StartsWith("| Model | Passed |", StringComparison.Ordinal)).Split(" | ");
        var row = md.Split('\n').Single(l => l.StartsWith("| Llama 3.2 1B Instruct | 256 | 0 |", StringComparison.Ordinal)).Split(" | ");
        row[Array.IndexOf(header, "J/response")].Should().StartWith("68.162 [");
        row[Array.IndexOf(header, "J/response gpu")].Should().StartWith("62.025 [");
        row[^1].Should().Be("IMPORTED |");
    }
}

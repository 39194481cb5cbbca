using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.SeedStudy;
using SlmEnergyBench.Unit.SeedStudy;

namespace SlmEnergyBench.Unit.Reports;

public sealed class RunReportTests
{
    [Fact]
    public void Generate_FakeRun_WritesEveryFileBesideTheRunWithEveryChartInTheReport()
    {
        var dir = ReportFixtures.CopyOfFakeRun();

        var files = RunReport.Generate(dir);

        RunReport.Paths(files).Should().OnlyContain(p => File.Exists(p) && new FileInfo(p).Length > 0);
        files.Html.Should().Be(Path.Combine(dir, HtmlReport.FileName));
        files.Charts.Should().HaveCount(2 * 12, "6 bar charts, time vs energy, 3 power charts and 2 published comparisons, each PNG and SVG");
        var html = File.ReadAllText(files.Html);
        foreach (var chart in files.Charts.Where(c => c.EndsWith(".svg", StringComparison.Ordinal)))
            html.Should().Contain($"id=\"chart-{Path.GetFileNameWithoutExtension(chart)}\"");
        File.ReadAllText(files.Markdown).Should().Contain(ReportFixtures.FakeRunId);
    }

    [Fact]
    public void Generate_NotARunFolder_ThrowsTheReadersMessageAndWritesNothing()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;

        var act = () => RunReport.Generate(dir);

        act.Should().Throw<RunDataException>().WithMessage("*run.json: missing*");
        Directory.EnumerateFileSystemEntries(dir).Should().BeEmpty();
    }

    [Fact]
    public void Render_ImportedStudy_PowerTimelineSaysItsTimesAreInferred()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var run = RunDataReader.Read(SeedStudyImport.Import(SeedStudyTestFiles.Fixture, root, "Tiny", time));

        var power = RunCharts.Render(run).Single(c => c.FileStem.StartsWith("power-", StringComparison.Ordinal));

        power.Caption.Should().Contain("The times are inferred, not measured");
        power.Svg.Should().Contain("Inferred session time (s)");
    }
}

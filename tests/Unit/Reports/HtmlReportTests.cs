using System.Text;
using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void Render_ResponseWithScript_ShowsItEscapedAndRunsNothing()
    {
        var run = RunDataReader.Read(RunCopies.WithFirstResponse(RunCopies.ScriptResponse));

        var html = HtmlReport.Render(run, ReportTestCharts.Fixed());

        html.Should().Contain("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        html.Should().NotContainAny("<script", "<b>bold");
        html.Should().NotContain("<SCRIPT");
    }

    [Fact]
    public void Render_EstimatedCopy_ShowsTheEstimatedBannerAndMarksEnergy()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var html = HtmlReport.Render(run, []);

        html.Should().Contain("class=\"banner estimated\"").And.Contain("Energy figures in this report are ESTIMATED by a power model, not measured by a counter.<span class=\"detail\">Estimator: powermetrics (");
        html.Should().Contain(">~");
    }

    [Fact]
    public void Render_EstimatedWithAPowerModel_ShowsTheFormulaInTheBanner()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());
        var model = new PowerModelDescription("P(u) = IdleW + (TdpW - IdleW) x u", new Dictionary<string, double> { ["TdpW"] = 85, ["IdleW"] = 8.5 });
        run = run with { Manifest = run.Manifest with { Meter = run.Manifest.Meter with { Model = model } } };

        var html = HtmlReport.Render(run, []);
        var md = MarkdownReport.Render(run, []);

        html.Should().Contain("<span class=\"detail\">Model: P(u) = IdleW + (TdpW - IdleW) x u with IdleW = 8.5, TdpW = 85</span>");
        md.Should().Contain("Model: P(u) = IdleW + (TdpW - IdleW) x u with IdleW = 8.5, TdpW = 85.**");
    }

    [Fact]
    public void Render_FixedRun_ShowsTheSimulatedMeterAndTheFakeBackendInBannersOfTheirOwn()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        var html = HtmlReport.Render(run, []);

        html.Should().NotContain("ESTIMATED").And.NotContain("banner estimated");
        html.Should().Contain("<div class=\"banner simulated\" role=\"alert\">Energy figures in this report are SIMULATED by a fake meter that the suite ships, not measured on any hardware.<span class=\"detail\">");
        html.Should().Contain("<div class=\"banner fake\" role=\"alert\">This run used a fake backend: its responses, token counts and timings come from a simulated server");
    }

    [Fact]
    public void Render_FixedRun_CaseTableHasEachDomainTheMethodAndAnApproximationColumn()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var first = run.Cases[0];
        run = run with { Cases = [first with { Energy = first.Energy! with { Window = first.Energy.Window with { Approximation = "a window-edge note" } } }, .. run.Cases.Skip(1)] };

        var html = HtmlReport.Render(run, []);

        var cases = html[html.IndexOf("<section id=\"cases\">", StringComparison.Ordinal)..];
        cases.Should().Contain("<th scope=\"col\">J total</th><th scope=\"col\">J cpu</th><th scope=\"col\">J gpu</th><th scope=\"col\">J ane</th><th scope=\"col\">Avg W</th>"
            + "<th scope=\"col\">Edges</th><th scope=\"col\">Coverage</th><th scope=\"col\">Method</th><th scope=\"col\">Approximation</th>");
        // The first case: 9.52043 J in all, 0.838992 J cpu, 8.681441 J gpu, 0 J ane (fixture's cases.jsonl, line 1), shown to three decimals.
        cases.Should().Contain("<td class=\"num\">9.52</td><td class=\"num\">0.839</td><td class=\"num\">8.681</td><td class=\"num\">0</td>");
        cases.Should().Contain("<td>SIMULATED</td><td>a window-edge note</td>");
        Regex.Matches(cases, "<td>SIMULATED</td>").Should().HaveCount(12);
    }

    [Fact]
    public void Render_FixedRun_IsSelfContainedWithEveryChartInlineAndTheSectionsInOrder()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var charts = ReportTestCharts.Fixed();

        var html = HtmlReport.Render(run, charts);

        foreach (var chart in charts)
        {
            var dataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
            html.Should().Contain($"<img src=\"{dataUri}\" alt=\"{chart.Title}\">");
            html.Should().Contain($"href=\"charts/{chart.FileStem}.png\"").And.Contain($"href=\"charts/{chart.FileStem}.svg\"");
        }

        ExternalReference().Matches(html).Should().BeEmpty("the report must not load anything");
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("@import");
        string[] sections = ["id=\"energy\"", "id=\"summary\"", "id=\"charts\"", "id=\"published\"", "id=\"idle\"", "id=\"cases\"", "id=\"manifest\"", "id=\"files\""];
        sections.Select(s => html.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        foreach (var figure in PublishedFigures.All)
            html.Should().Contain(System.Net.WebUtility.HtmlEncode(figure.Model));
        html.Should().Contain("href=\"run.json\"").And.Contain("href=\"cases.jsonl\"").And.Contain("href=\"samples.jsonl\"")
            .And.Contain("href=\"cases.csv\"").And.Contain("href=\"report.md\"").And.NotContain("href=\"summary.json\"");
        Regex.Matches(html, "<details>").Should().HaveCount(run.Cases.Count + 1);
    }

    [Fact]
    public void Render_Twice_GivesTheSameText()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        HtmlReport.Render(run, ReportTestCharts.Fixed()).Should().Be(HtmlReport.Render(run, ReportTestCharts.Fixed()));
    }

    /// <summary>Any attribute or CSS url that would make the browser fetch something.</summary>
    [GeneratedRegex("""(src|href)\s*=\s*"(https?:|//)|url\(""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}

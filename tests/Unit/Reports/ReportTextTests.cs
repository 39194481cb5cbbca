using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>The shared sentences: each method is named for what it is, and a run whose cases differ from its meter says so everywhere.</summary>
public sealed class ReportTextTests
{
    [Fact]
    public void RunMethod_MeasuredRunWithThreeEstimatedCases_SaysMeasuredButThreeEstimated()
    {
        var run = RunDataReader.Read(RunCopies.WithEstimatedCases(3));

        ReportText.RunMethod(run).Should().Be("measured, but 3 cases' energy is ESTIMATED");
        ReportText.EnergyFacts(run).Should().Contain(("Method", "measured, but 3 cases' energy is ESTIMATED"));
        ReportText.ThisRunScope(run).Should().Contain("its energy measured, but 3 cases' energy is ESTIMATED, on ");
        ReportText.Banners(run).Single(b => b.Kind == ReportBanner.Estimated).Details.Should().Contain("It concerns 3 of 12 cases; the others are measured");
    }

    [Fact]
    public void Reports_MeasuredRunWithOneEstimatedCase_NeverSayMeasuredFlatly()
    {
        var run = RunDataReader.Read(RunCopies.WithEstimatedCases(1));

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        md.Should().Contain("**Method:** measured, but 1 case's energy is ESTIMATED.").And.NotContain("**Method:** measured.");
        md.Should().Contain("its energy measured, but 1 case's energy is ESTIMATED, on ").And.NotContain("all energy figures measured");
        md.Should().Contain("> **Energy figures in this report are ESTIMATED by a power model, not measured by a counter.");
        html.Should().Contain("<dt>Method</dt><dd>measured, but 1 case&#39;s energy is ESTIMATED</dd>").And.Contain("banner estimated");
    }

    [Fact]
    public void RunMethod_MeasuredCopy_IsMeasuredWithoutAMethodBanner()
    {
        var run = RunDataReader.Read(RunCopies.WithMethod("measured"));

        ReportText.RunMethod(run).Should().Be("measured");
        ReportText.EnergyNote(run).Should().Be("all energy figures measured");
        ReportText.Banners(run).Select(b => b.Kind).Should().Equal(ReportBanner.FakeBackend);
    }

    [Fact]
    public void Banners_FixedFakeRun_FlagTheSimulatedMeterAndTheFakeBackendApart()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        var banners = ReportText.Banners(run);

        banners.Select(b => b.Kind).Should().Equal(ReportBanner.Simulated, ReportBanner.FakeBackend);
        banners[0].Text.Should().Be("Energy figures in this report are SIMULATED by a fake meter that the suite ships, not measured on any hardware.");
        banners[0].Details.Should().Equal("Simulated by: the powermetrics meter (its source and notes under How energy was obtained)");
        banners[1].Text.Should().StartWith("This run used a fake backend: its responses, token counts and timings come from a simulated server");
        ReportText.RunMethod(run).Should().Be("SIMULATED by a fake meter that the suite ships, not measured on any hardware");
        ReportText.EnergyNote(run).Should().Be("every energy figure is SIMULATED");
    }

    [Fact]
    public void Banners_SimulatedMeterWithARealBackend_FlagOnlyTheMeter()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        run = run with
        {
            Cases = [.. run.Cases.Select(c => c with { BackendSimulated = false })],
            Manifest = run.Manifest with { Backend = run.Manifest.Backend with { Name = "GPT4All 3.10" } },
        };

        ReportText.Banners(run).Select(b => b.Kind).Should().Equal(ReportBanner.Simulated);
        ReportText.IsFake(run).Should().BeFalse();
    }

    [Fact]
    public void Banners_ImportedRun_SayImportedAndCountTheCasesBelowLiveCoverage()
    {
        var run = RunDataReader.Read(RunCopies.WithMethod("imported"));
        // Two cases at 90% coverage: below the 98% (Meter:MinCoverage) that run.json's configuration asks of a live case.
        run = run with { Cases = [.. run.Cases.Select((c, i) => i < 2 ? c with { Energy = c.Energy! with { Window = c.Energy.Window with { Coverage = 0.9 } } } : c)] };

        var banner = ReportText.Banners(run)[0];

        banner.Kind.Should().Be(ReportBanner.Imported);
        banner.Text.Should().Be("Energy figures in this report are IMPORTED from another study's samples on inferred times, not measured by this suite.");
        banner.Details.Should().Contain(
            "2 of 12 cases are below the coverage a live case needs: their samples cover less than 98.0% (Meter:MinCoverage) of their window, "
            + "which would fail a live case; each says so in its approximation (cases.csv, the Cases table)");
        MarkdownReport.Render(run, []).Should().Contain("> **Energy figures in this report are IMPORTED").And.Contain("2 of 12 cases are below the coverage");
        HtmlReport.Render(run, []).Should().Contain("class=\"banner imported\"");
    }

    [Fact]
    public void Banners_EstimatedRun_NameTheEstimatorFromTheProvenanceNotAUtilisationModel()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var banner = ReportText.Banners(run)[0];

        banner.Line.Should().StartWith("Energy figures in this report are ESTIMATED by a power model, not measured by a counter. Estimator: powermetrics (");
        banner.Line.Should().NotContain("utilisation");
    }
}

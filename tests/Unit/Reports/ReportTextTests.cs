using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>The shared sentences: a run whose meter measured but some of whose cases were estimated says so everywhere.</summary>
public sealed class ReportTextTests
{
    [Fact]
    public void RunMethod_MeasuredRunWithThreeEstimatedCases_SaysMeasuredButThreeEstimated()
    {
        var run = RunDataReader.Read(RunCopies.WithEstimatedCases(3));

        ReportText.RunMethod(run).Should().Be("measured, but 3 cases' energy is ESTIMATED");
        ReportText.EnergyFacts(run).Should().Contain(("Method", "measured, but 3 cases' energy is ESTIMATED"));
        ReportText.ThisRunScope(run).Should().Contain("its energy measured, but 3 cases' energy is ESTIMATED, on ");
    }

    [Fact]
    public void Reports_MeasuredRunWithOneEstimatedCase_NeverSayMeasuredFlatly()
    {
        var run = RunDataReader.Read(RunCopies.WithEstimatedCases(1));

        var md = MarkdownReport.Render(run, []);
        var html = HtmlReport.Render(run, []);

        md.Should().Contain("**Method:** measured, but 1 case's energy is ESTIMATED.").And.NotContain("**Method:** measured.");
        md.Should().Contain("its energy measured, but 1 case's energy is ESTIMATED, on ").And.NotContain("all energy figures measured");
        md.Should().Contain("> **" + ReportText.EstimatedBanner);
        html.Should().Contain("<dt>Method</dt><dd>measured, but 1 case&#39;s energy is ESTIMATED</dd>").And.Contain("banner estimated");
    }

    [Fact]
    public void RunMethod_FixedRun_IsMeasured()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);

        ReportText.RunMethod(run).Should().Be("measured");
        ReportText.EnergyNote(run).Should().Be("all energy figures measured");
        ReportText.Banners(run).Should().NotContain(b => b.Contains("ESTIMATED", StringComparison.Ordinal));
    }

    [Fact]
    public void Banners_EstimatedRun_NameTheEstimatorFromTheProvenanceNotAUtilisationModel()
    {
        var run = RunDataReader.Read(RunCopies.Estimated());

        var banner = ReportText.Banners(run)[0];

        banner.Should().StartWith("Energy figures in this report are ESTIMATED by a model, not measured by a counter. Estimator: powermetrics (");
        banner.Should().NotContain("utilisation");
    }
}

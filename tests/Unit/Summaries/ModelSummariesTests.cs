using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Unit.Summaries.SummaryCases;

namespace SlmEnergyBench.Unit.Summaries;

public sealed class ModelSummariesTests
{
    [Fact]
    public void Of_CasesOfDifferentLengths_GivesBothJoulesPerTokenFiguresApart()
    {
        var summary = ModelSummaries.Of(Model, Differing());

        summary.JoulesPerTokenRatioOfTotals.Should().BeApproximately(0.75, 1e-12);
        summary.JoulesPerTokenMeanOfRatios.Should().BeApproximately(3.5 / 3, 1e-12);
        summary.Metrics[MetricNames.JoulesPerTokenMeanOfRatios].Mean.Should().BeApproximately(3.5 / 3, 1e-12);
    }

    [Fact]
    public void Of_PassedCases_SummarisesEveryMetricExactly()
    {
        var summary = ModelSummaries.Of(Model, Differing());

        summary.Passed.Should().Be(3);
        summary.Failed.Should().Be(0);
        summary.Metrics.Keys.Should().Equal(
            MetricNames.LatencyS, MetricNames.TokensPerSecond, MetricNames.WordsPerSecond, MetricNames.JoulesPerResponse,
            "joulesPerResponse.cpu", "joulesPerResponse.gpu",
            MetricNames.JoulesPerResponseNet, MetricNames.JoulesPerTokenMeanOfRatios, MetricNames.AveragePowerW,
            "averagePowerW.cpu", "averagePowerW.gpu",
            MetricNames.PeakPowerW, MetricNames.TimeToFirstTokenS, MetricNames.PrefillS, MetricNames.DecodeS);
        summary.Metrics[MetricNames.LatencyS].Mean.Should().BeApproximately(2, 1e-12);
        summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().BeApproximately(20, 1e-12);
        summary.Metrics[MetricNames.JoulesPerResponse].Median.Should().Be(20);
        summary.Metrics[MetricNames.JoulesPerResponseNet].Mean.Should().BeApproximately(16, 1e-12);
        summary.Metrics[MetricNames.TokensPerSecond].Mean.Should().BeApproximately((10 + 5 + 20) / 3.0, 1e-12);
        summary.Metrics[MetricNames.AveragePowerW].Mean.Should().BeApproximately(10, 1e-12);
        summary.Metrics[MetricNames.PeakPowerW].Mean.Should().BeApproximately(20, 1e-12);
        summary.Metrics[MetricNames.DecodeS].Mean.Should().BeApproximately(1.8, 1e-12);
        summary.Metrics.Values.Should().OnlyContain(s => s.N == 3);
        summary.Method.Should().Be(EnergyMethod.Measured);
        summary.Meter.Should().Be("powermetrics");
    }

    [Fact]
    public void Of_FailedCasesAndOtherModels_AreLeftOutAndFailuresCounted()
    {
        var cases = Differing()
            .Append(Case(3, joules: 1000, tokens: 1, seconds: 50, outcome: "failed"))
            .Append(Case(4, joules: 1000, tokens: 1, seconds: 50, outcome: "failed"))
            .Append(Case(0, joules: 500, tokens: 1, seconds: 9, model: "Other"))
            .ToArray();

        var summary = ModelSummaries.Of(Model, cases);

        summary.Passed.Should().Be(3);
        summary.Failed.Should().Be(2);
        summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().BeApproximately(20, 1e-12);
        summary.JoulesPerTokenRatioOfTotals.Should().BeApproximately(0.75, 1e-12);
    }

    [Fact]
    public void Of_OneEstimatedCase_MakesTheSummaryEstimated()
    {
        var cases = Differing().Append(Case(3, joules: 10, tokens: 10, seconds: 1, meter: Estimated, netJoules: 8)).ToArray();

        var summary = ModelSummaries.Of(Model, cases);

        summary.Method.Should().Be(EnergyMethod.Estimated);
        summary.Mark.Should().Be("~");
        summary.Meter.Should().Be("powermetrics, estimate");
    }

    [Fact]
    public void Of_CasesWithCpuAndGpuDomains_GivesEachDomainsMeansBesideTheTotals()
    {
        // J 10, 20, 30 in 1, 2, 3 s for 10, 10, 60 tokens; a quarter of each in the cpu domain, three quarters in the gpu.
        var summary = ModelSummaries.Of(Model, Differing());

        summary.Domains.Should().Equal(Domains.Cpu, Domains.Gpu);
        summary.Metrics["joulesPerResponse.cpu"].Mean.Should().BeApproximately((2.5 + 5 + 7.5) / 3, 1e-12);
        summary.Metrics["joulesPerResponse.gpu"].Mean.Should().BeApproximately((7.5 + 15 + 22.5) / 3, 1e-12);
        summary.Metrics["joulesPerResponse.gpu"].Median.Should().Be(15);
        summary.Metrics["averagePowerW.cpu"].Mean.Should().BeApproximately(2.5, 1e-12, "2.5 J in 1 s, 5 J in 2 s, 7.5 J in 3 s");
        summary.Metrics["averagePowerW.gpu"].Mean.Should().BeApproximately(7.5, 1e-12);
        summary.Metrics.Should().NotContainKeys(["joulesPerResponseNet.cpu", "joulesPerResponseNet.gpu"], "the cases' idle-net figures cover the total only");
        summary.JoulesPerTokenRatioOfTotalsPerDomain.Should().BeEquivalentTo(new Dictionary<string, double> { ["cpu"] = 15.0 / 80, ["gpu"] = 45.0 / 80 });
        summary.Metrics[MetricNames.JoulesPerResponse].Mean.Should().BeApproximately(20, 1e-12, "the total keeps its own name");
    }

    [Fact]
    public void Of_ACaseWithoutTheGpuDomain_LeavesOnlyTheGpuFiguresOut()
    {
        var cases = Differing().ToList();
        var c = cases[1];
        var domains = c.Energy!.Window.Domains.Where(d => d.Key != Domains.Gpu).ToDictionary();
        cases[1] = c with { Energy = c.Energy with { Window = c.Energy.Window with { Domains = domains } } };

        var summary = ModelSummaries.Of(Model, cases);

        summary.Domains.Should().Equal(Domains.Cpu);
        summary.Metrics.Should().ContainKey("joulesPerResponse.cpu").And.NotContainKey("joulesPerResponse.gpu").And.NotContainKey("averagePowerW.gpu");
        summary.JoulesPerTokenRatioOfTotalsPerDomain.Keys.Should().Equal(Domains.Cpu);
    }

    [Fact]
    public void Of_SimulatedAndMeasuredCases_IsSimulated()
    {
        var simulated = SummaryCases.Measured with { Method = EnergyMethod.Simulated };
        var cases = Differing().Append(Case(3, joules: 10, tokens: 10, seconds: 1, meter: simulated, netJoules: 8)).ToArray();

        var summary = ModelSummaries.Of(Model, cases);

        summary.Method.Should().Be(EnergyMethod.Simulated);
        summary.Mark.Should().BeEmpty("only an estimate carries ~; a simulated figure says SIMULATED instead");
    }

    [Fact]
    public void Of_ACaseWithoutNetOrTimings_LeavesThoseMetricsOut()
    {
        var cases = Differing().Append(Case(3, joules: 10, tokens: 10, seconds: 1, timings: false)).ToArray();

        var summary = ModelSummaries.Of(Model, cases);

        summary.Metrics.Should().NotContainKeys(
            MetricNames.JoulesPerResponseNet, MetricNames.TimeToFirstTokenS, MetricNames.PrefillS, MetricNames.DecodeS);
        summary.Metrics.Should().ContainKey(MetricNames.JoulesPerResponse);
    }

    [Fact]
    public void Of_NoPassedCase_HasNoMetricsAndNoRatios()
    {
        var summary = ModelSummaries.Of(Model, [Case(0, joules: 10, tokens: 10, seconds: 1, outcome: "failed")]);

        summary.Passed.Should().Be(0);
        summary.Failed.Should().Be(1);
        summary.Metrics.Should().BeEmpty();
        summary.JoulesPerTokenRatioOfTotals.Should().BeNull();
        summary.JoulesPerTokenMeanOfRatios.Should().BeNull();
        summary.Method.Should().BeNull();
    }
}

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
            MetricNames.JoulesPerResponseNet, MetricNames.JoulesPerTokenMeanOfRatios, MetricNames.AveragePowerW,
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
        summary.IsEstimated.Should().BeTrue();
        summary.Meter.Should().Be("powermetrics, estimate");
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

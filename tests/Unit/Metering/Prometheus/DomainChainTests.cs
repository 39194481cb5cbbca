using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Metering.Prometheus;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>Raw scrapes to cumulative energy: Prometheus's reset rule, missed scrapes, units, power gauges, several series.</summary>
public sealed class DomainChainTests
{
    private const double Precision = 1e-9;

    private static readonly PrometheusDomain Counter = new(Domains.Gpu, "e", PrometheusSeriesKinds.Counter, PrometheusUnits.Joules, false, true);

    private static RawSeries Series(string gpu, params (double T, double V)[] points) =>
        new(new Dictionary<string, string> { ["__name__"] = "e", ["gpu"] = gpu, ["job"] = "dcgm", ["instance"] = "n1" }, [.. points.Select(p => new Scrape(p.T, p.V))]);

    [Fact]
    public void Advance_CounterThatResets_CountsTheNewValueAsTheIncreaseLikePrometheus()
    {
        // Arrange: 100 -> 130 (+30), restart -> 5 (+5, not -125), -> 25 (+20).
        var chain = new DomainChain(Counter);

        // Act
        var points = chain.Advance([Series("0", (10, 100), (15, 130), (20, 5), (25, 25))]);

        // Assert
        points.Should().Equal(new Scrape(10, 0), new Scrape(15, 30), new Scrape(20, 35), new Scrape(25, 55));
        chain.Resets.Should().Be(1);
    }

    [Fact]
    public void Advance_MissedScrape_MakesOneLongerStepWithTheExactDelta()
    {
        // Arrange: the scrape at 15 is missing.
        var chain = new DomainChain(Counter);

        // Act
        var points = chain.Advance([Series("0", (10, 100), (20, 180), (25, 200))]);

        // Assert
        points.Should().Equal(new Scrape(10, 0), new Scrape(20, 80), new Scrape(25, 100));
    }

    [Fact]
    public void Advance_MillijouleCountersOfTwoGpus_SumsThemInJoules()
    {
        // Arrange: GPU 0 +1500 mJ, GPU 1 +500 mJ, then +2500 and +700 mJ.
        var chain = new DomainChain(Counter with { Unit = PrometheusUnits.Millijoules });

        // Act
        var points = chain.Advance([Series("0", (10, 1_000_000), (15, 1_001_500), (20, 1_004_000)), Series("1", (10, 5_000), (15, 5_500), (20, 6_200))]);

        // Assert
        points.Select(p => p.T).Should().Equal(10, 15, 20);
        points.Select(p => p.V).Should().Equal([0, 2.0, 5.2], (a, b) => Math.Abs(a - b) < Precision);
        chain.SeriesCount.Should().Be(2);
    }

    [Fact]
    public void Advance_PowerGauge_IntegratesWithTheTrapezoidRule()
    {
        // Arrange: 100 W, 200 W, 300 W at 5 s apart; in mW.
        var chain = new DomainChain(new PrometheusDomain(Domains.Gpu, "p", PrometheusSeriesKinds.Power, PrometheusUnits.Milliwatts, false, true));

        // Act: (100 + 200) / 2 x 5 = 750 J, (200 + 300) / 2 x 5 = 1250 J.
        var points = chain.Advance([Series("0", (0, 100_000), (5, 200_000), (10, 300_000))]);

        // Assert
        points.Select(p => p.V).Should().Equal([0, 750, 2000], (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Advance_OverlappingAnswers_SkipsThePointsAlreadyFed()
    {
        // Arrange
        var chain = new DomainChain(Counter);
        chain.Advance([Series("0", (10, 100), (15, 130))]);

        // Act: the next look-back repeats 10 and 15.
        var points = chain.Advance([Series("0", (10, 100), (15, 130), (20, 150))]);

        // Assert
        points.Should().Equal(new Scrape(20, 50));
        chain.LastT.Should().Be(20);
    }

    [Fact]
    public void Advance_SeriesWithDifferentScrapeTimes_IsRefusedWithWhatToDo()
    {
        // Arrange: two targets scraped at different moments.
        var chain = new DomainChain(Counter);
        var a = Series("0", (10, 1), (15, 2));
        var b = new RawSeries(new Dictionary<string, string> { ["__name__"] = "e", ["gpu"] = "0", ["job"] = "dcgm", ["instance"] = "n2" }, [new Scrape(11, 1), new Scrape(16, 2)]);

        // Act
        var act = () => chain.Advance([a, b]);

        // Assert
        act.Should().Throw<MeterException>().Which.Message.Should().Be(
            "prometheus: the series of e (domain gpu) do not share their scrape timestamps ({__name__=\"e\",gpu=\"0\",instance=\"n1\",job=\"dcgm\"} at 10.000, 15.000; {__name__=\"e\",gpu=\"0\",instance=\"n2\",job=\"dcgm\"} at 11.000, 16.000): they come from different targets (dcgm/n1, dcgm/n2), and a domain's series are summed scrape by scrape. Narrow Meter:Prometheus:Selector to one target, or split them into custom domains (Preset = custom, one Query per target).");
    }

    [Fact]
    public void Advance_ASeriesDisappears_IsRefused()
    {
        // Arrange
        var chain = new DomainChain(Counter);
        chain.Advance([Series("0", (10, 1)), Series("1", (10, 1))]);

        // Act
        var act = () => chain.Advance([Series("0", (10, 1), (15, 2))]);

        // Assert
        act.Should().Throw<MeterException>().WithMessage("*changed while the meter ran; no longer scraped: {__name__=\"e\",gpu=\"1\",instance=\"n1\",job=\"dcgm\"}*");
    }

    [Fact]
    public void Advance_NegativeValue_IsRefused()
    {
        // Arrange
        var chain = new DomainChain(Counter);

        // Act
        var act = () => chain.Advance([Series("0", (10, 1), (15, -2))]);

        // Assert
        act.Should().Throw<MeterException>().WithMessage("*has the value -2 at 15.000: not an energy counter reading*");
    }
}

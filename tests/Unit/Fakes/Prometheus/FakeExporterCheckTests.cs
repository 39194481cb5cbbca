using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>
/// The fake-prometheus run's check on a hand-made truth log: scrapes of gpu 0's DCGM counter (mJ) at Unix 100, 101, 102, 103 s reading
/// 5,000,000, 5,070,000, then 300,000 after a reset, then 370,000; a missed scrape at 101.5 s. Every expected figure is worked out by hand.
/// </summary>
public sealed class FakeExporterCheckTests
{
    private static readonly ExporterScrape[] Log =
    [
        Served(100, 5_000_000),
        Served(101, 5_070_000),
        new(101.5, MissedScrape.Unavailable, new Dictionary<string, double>()),
        Served(102, 300_000),
        Served(103, 370_000),
    ];

    [Fact]
    public void Check_IdleAttributedEdgesAcrossAResetAndAMiss_IsTheCountersByTheRule()
    {
        // Arrange: window [100.5, 102.5] on a timeline whose zero is Unix 0; idle 70 W. Intervals: [100, 101] 70 J (half inside:
        // 70 - 70 x 0.5 = 35 J), [101, 102] 300 J (the value after the drop: Prometheus's reset rule), [102, 103] 70 J (35 J).
        var record = Record(100.5, 102.5, measuredJ: 370, EdgeRules.IdleAttributed, idleW: 70);

        // Act
        var check = FakeExporterCheck.Check(record, Log, originUnixS: 0);

        // Assert
        check.ExpectedJ.Should().BeApproximately(370, 1e-9);
        check.Within.Should().BeTrue();
        check.Scrapes.Should().Be(2);
        check.Notes.Should().Contain("counter reset between scrapes at 101.000 and 102.000 s").And.Contain("missed scrape(s) between 101.000 and 102.000 s");
    }

    [Fact]
    public void Check_ProRataEdges_SplitsEdgeIntervalsByTime_AndAMeterOffBeyondTheBoundFails()
    {
        // Arrange: pro rata, 35 + 300 + 35 = 370 J again (each edge interval half inside); the meter says 371 J: +0.27%, beyond 0.1%.
        var record = Record(100.5, 102.5, measuredJ: 371, EdgeRules.ProRata, idleW: null);

        // Act
        var check = FakeExporterCheck.Check(record, Log, originUnixS: 0);

        // Assert
        check.ExpectedJ.Should().BeApproximately(370, 1e-9);
        check.Error.Should().BeApproximately(1 / 370.0, 1e-12);
        check.Within.Should().BeFalse();
        check.ToString().Should().Contain("OUTSIDE 0.1%");
    }

    [Fact]
    public void Check_WindowInsideOneInterval_ChargesIdleOnBothSides()
    {
        // Arrange: [102.2, 102.6] lies inside [102, 103] (70 J): 70 - 70 x 0.6 = 28 J, with no scrape inside.
        var record = Record(102.2, 102.6, measuredJ: 28, EdgeRules.IdleAttributed, idleW: 70);

        // Act
        var check = FakeExporterCheck.Check(record, Log, originUnixS: 0);

        // Assert
        check.ExpectedJ.Should().BeApproximately(28, 1e-9);
        check.Scrapes.Should().Be(0);
    }

    private static ExporterScrape Served(double unixS, double millijoules) =>
        new(unixS, null, new Dictionary<string, double> { [FakeExporterCheck.Series] = millijoules });

    private static CaseRecord Record(double startS, double endS, double measuredJ, string rule, double? idleW)
    {
        var window = new WindowEnergy(startS, endS,
            new Dictionary<string, DomainEnergy> { [Domains.Gpu] = new(measuredJ, measuredJ / (endS - startS), 0) }, 3, 1)
        { EdgeRule = rule };
        var provenance = new EnergyProvenance("prometheus", [Domains.Gpu, Domains.Total], EnergyMethod.Simulated, "test", "");
        return new CaseRecord
        {
            RunId = "r",
            Model = "m",
            PromptOrdinal = 0,
            PromptDatasetIndex = 0,
            PromptText = "p",
            Outcome = "passed",
            Energy = new CaseEnergy(provenance, window)
            {
                Idle = idleW is { } w ? new IdleMeasurement("before m", 0, 10, new Dictionary<string, double> { [Domains.Gpu] = w }, 10, 1) : null,
            },
        };
    }
}

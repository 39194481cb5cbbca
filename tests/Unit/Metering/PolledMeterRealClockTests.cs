using System.Text.Json;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>The polling loop on the real clock and thread pool (the other tests drive fake time).</summary>
public sealed class PolledMeterRealClockTests
{
    [Fact]
    public async Task EstimateMeter_OnThisMachinesProcStat_MeasuresBetweenIdleAndTdpPower()
    {
        // Arrange
        Assert.SkipUnless(File.Exists("/proc/stat"), "needs Linux /proc/stat");
        var ct = TestContext.Current.CancellationToken;
        var clock = new SessionClock();
        await using var meter = new EstimateMeter(new MeterOptions { IntervalMs = 50 }, clock);
        await meter.StartAsync(ct);
        var start = clock.Now;

        // Act
        var w = await meter.MeasureAsync(start, start + 0.2, ct);

        // Assert: 8.5 W x 0.2 s <= E <= 85 W x 0.2 s.
        w.Coverage.Should().BeApproximately(1, 1e-9);
        w.Domains[Domains.Cpu].Joules.Should().BeInRange(1.7 - 1e-9, 17 + 1e-9);
    }

    [Fact]
    public void EstimateProvenance_SerializedForResults_CarriesTheModel()
    {
        // Arrange
        var provenance = new EstimateMeter(new MeterOptions(), new SessionClock()).Provenance;

        // Act
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(provenance, ResultsJson.Line));

        // Assert
        var model = json.RootElement.GetProperty("model");
        model.GetProperty("formula").GetString().Should().Be("P(u) = IdleW + (TdpW - IdleW) x u, u = machine CPU utilization in [0, 1]");
        model.GetProperty("parameters").GetProperty("IdleW").GetDouble().Should().Be(8.5);
        model.GetProperty("parameters").GetProperty("TdpW").GetDouble().Should().Be(85);
        json.RootElement.GetProperty("method").GetString().Should().Be("estimated");
    }
}

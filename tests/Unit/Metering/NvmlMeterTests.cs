using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>NVML through a scripted seam; the meter starts at t = 0 and ticks every 100 ms of fake time.</summary>
public sealed partial class NvmlMeterTests
{
    private const double Precision = 1e-9;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;

    public NvmlMeterTests() => _clock = new SessionClock(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NvmlMeter NewMeter(ScriptedNvml nvml) =>
        new(new MeterOptions { Kind = MeterKinds.Nvml, IntervalMs = 100 }, _clock, () => nvml);

    private async Task StartAsync(NvmlMeter meter)
    {
        var starting = meter.StartAsync(Ct);
        _time.Advance(Interval);
        await starting;
    }

    private void Step(Action change)
    {
        change();
        _time.Advance(Interval);
    }

    [Fact]
    public async Task MeasureAsync_CounterDeltasOfTwoGpus_GivesTheirExactSum()
    {
        // Arrange
        var nvml = new ScriptedNvml("GPU A", "GPU B");
        nvml.CounterMj[0] = 1_000_000;
        nvml.CounterMj[1] = 5_000;
        await using var meter = NewMeter(nvml);
        await StartAsync(meter);
        Step(() => (nvml.CounterMj[0], nvml.CounterMj[1]) = (1_001_500, 5_500));
        Step(() => (nvml.CounterMj[0], nvml.CounterMj[1]) = (1_004_000, 6_000));

        // Act: 1.5 J + 0.5 J, then 2.5 J + 0.5 J.
        var w = await meter.MeasureAsync(0.1, 0.3, Ct);

        // Assert
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Gpu, Domains.Total]);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(5, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(5, Precision);
        w.Approximation.Should().BeNull();
        meter.Provenance.Source.Should().Contain("GPU 0 (GPU A): nvmlDeviceGetTotalEnergyConsumption counter deltas (mJ); GPU 1 (GPU B): nvmlDeviceGetTotalEnergyConsumption counter deltas (mJ)");
    }

    [Fact]
    public async Task MeasureAsync_NoCounterAndAPowerRamp_IntegratesWithTheTrapezoidRule()
    {
        // Arrange: 100 W at t = 0, 200 W at 0.1 s, 300 W at 0.2 s.
        var nvml = new ScriptedNvml("Old GPU");
        nvml.PowerMw[0] = 100_000;
        await using var meter = NewMeter(nvml);
        var starting = meter.StartAsync(Ct);
        Step(() => nvml.PowerMw[0] = 200_000);
        await starting;
        Step(() => nvml.PowerMw[0] = 300_000);

        // Act: (100 + 200) / 2 x 0.1 + (200 + 300) / 2 x 0.1 = 15 + 25 J.
        var w = await meter.MeasureAsync(0, 0.2, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(40, Precision);
        w.Domains[Domains.Gpu].PeakPowerW.Should().BeApproximately(250, Precision);
        meter.Provenance.Source.Should().Contain("GPU 0 (Old GPU): nvmlDeviceGetPowerUsage (mW) polled and integrated with the trapezoid rule");
        meter.Provenance.Notes.Should().Contain("samples are trapezoid segments");
    }

    [Fact]
    public async Task MeasureAsync_CounterStillOverAShortWindowWhilePowered_UsesPowerTimesDurationAndSaysSo()
    {
        // Arrange: the counter does not move during the first 300 ms; the GPU draws 50 W throughout.
        var nvml = new ScriptedNvml("GPU");
        nvml.CounterMj[0] = 7_000;
        nvml.PowerMw[0] = 50_000;
        await using var meter = NewMeter(nvml);
        await StartAsync(meter);
        Step(() => { });
        Step(() => { });

        // Act
        var w = await meter.MeasureAsync(0.1, 0.15, Ct);

        // Assert: 50 W x 0.05 s.
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2.5, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(2.5, Precision);
        w.Approximation.Should().Be(
            "nvml: the GPU energy counter did not move over this 0.05 s window (shorter than its update period) while the GPU drew 50 W: energy = polled power x duration (trapezoid), approximate.");
        meter.Provenance.Notes.Should().EndWith("so far 1 window(s).");
    }

    [Fact]
    public async Task MeasureAsync_CounterStillOverALongWindowWhilePowered_Fails()
    {
        // Arrange
        var nvml = new ScriptedNvml("GPU");
        nvml.CounterMj[0] = 7_000;
        nvml.PowerMw[0] = 50_000;
        await using var meter = NewMeter(nvml);
        await StartAsync(meter);
        for (var i = 0; i < 15; i++)
            Step(() => { });

        // Act
        var act = () => meter.MeasureAsync(0.1, 1.5, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "nvml: the GPU energy counter did not move over [0.100, 1.500] s (1.4 s) while the GPU drew 50 W on average: the counter is not trustworthy (update the NVIDIA driver).");
    }

    [Fact]
    public async Task MeasureAsync_CounterStillAndGpuIdleAtZeroWatts_ReportsZeroAsMeasured()
    {
        // Arrange
        var nvml = new ScriptedNvml("GPU");
        nvml.CounterMj[0] = 7_000;
        nvml.PowerMw[0] = 0;
        await using var meter = NewMeter(nvml);
        await StartAsync(meter);
        Step(() => { });

        // Act
        var w = await meter.MeasureAsync(0.1, 0.15, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().Be(0);
        w.Approximation.Should().BeNull();
    }
}

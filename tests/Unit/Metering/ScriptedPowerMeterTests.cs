using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

public sealed class ScriptedPowerMeterTests
{
    private const double Precision = 1e-9;

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;

    public ScriptedPowerMeterTests() => _clock = new SessionClock(_time);

    /// <summary>CPU 1 W idle; 5 W over [1, 2] s of the session.</summary>
    private static ScriptedPowerTrace BusyFromOneToTwo() => new(
        new Dictionary<string, double> { [Domains.Cpu] = 1, [Domains.Gpu] = 0.25 },
        [new ScriptedPowerSegment(1, 2, new Dictionary<string, double> { [Domains.Cpu] = 5 })]);

    [Fact]
    public async Task StartAsync_Immediately_HasFirstSampleEndingNow()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo());

        // Act
        await meter.StartAsync(TestContext.Current.CancellationToken);

        // Assert
        meter.Samples.Should().ContainSingle().Which.EndS.Should().Be(0);
    }

    [Fact]
    public async Task Samples_AsFakeTimeAdvances_AppearEveryPeriod()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo(), periodS: 0.1);
        await meter.StartAsync(TestContext.Current.CancellationToken);

        // Act
        _time.Advance(TimeSpan.FromMilliseconds(350));

        // Assert: samples ending at 0, 0.1, 0.2, 0.3.
        meter.Samples.Select(s => s.EndS).Should().Equal([0, 0.1, 0.2, 0.3], (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public async Task MeasureAsync_WindowAcrossBusySegment_GivesExactJoules()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo(), periodS: 0.1);
        await meter.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(3));

        // Act: [0.95, 2.05] = 0.1 s at 1 W + 1 s at 5 W on the CPU; GPU 0.25 W throughout.
        var w = await meter.MeasureAsync(0.95, 2.05, TestContext.Current.CancellationToken);

        // Assert
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(5.1, Precision);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(0.275, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(5.375, Precision);
        w.Domains[Domains.Cpu].PeakPowerW.Should().BeApproximately(5, Precision);
        w.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public async Task MeasureAsync_WindowEndingInTheFuture_WaitsForTheSessionClock()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo(), periodS: 0.1);
        await meter.StartAsync(TestContext.Current.CancellationToken);

        // Act
        var measuring = meter.MeasureAsync(0, 0.25, TestContext.Current.CancellationToken);
        var completedBefore = measuring.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(0.3));
        var w = await measuring;

        // Assert
        completedBefore.Should().BeFalse();
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.25, Precision);
    }

    [Fact]
    public async Task MeasureAsync_LostSamplesInWindow_ThrowsWithCoverage()
    {
        // Arrange: samples 3 and 4 ([0.2, 0.4]) are lost.
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo(), periodS: 0.1, lostSamples: [3, 4]);
        await meter.StartAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1));

        // Act
        var act = () => meter.MeasureAsync(0, 1, TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).WithMessage("*80.0%*[0.000, 1.000]*");
    }

    [Fact]
    public async Task Provenance_SaysScriptedFake()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo());

        // Act
        var provenance = meter.Provenance;

        // Assert
        provenance.Meter.Should().Be("scripted");
        provenance.Domains.Should().Equal(Domains.Cpu, Domains.Gpu, Domains.Total);
        provenance.Notes.Should().Contain("not a measurement");
    }

    [Fact]
    public async Task MeasureAsync_BeforeStart_Throws()
    {
        // Arrange
        await using var meter = new ScriptedPowerMeter(_clock, BusyFromOneToTwo());

        // Act
        var act = () => meter.MeasureAsync(0, 1, TestContext.Current.CancellationToken);

        // Assert
        await act.Should().ThrowAsync<InvalidOperationException>();
    }
}

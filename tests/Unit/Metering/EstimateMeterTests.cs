using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>The estimate meter on a scripted /proc/stat; it starts at t = 0 and ticks every 100 ms of fake time.</summary>
public sealed class EstimateMeterTests : IDisposable
{
    private const double Precision = 1e-9;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;
    private readonly FakeProcStat _stat = new();

    public EstimateMeterTests() => _clock = new SessionClock(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stat.Dispose();

    private EstimateMeter NewMeter(double tdpW = 85, double idleW = 8.5) => new(
        new MeterOptions { Kind = MeterKinds.Estimate, ProcStatPath = _stat.Path, IntervalMs = 100, Estimate = new() { TdpW = tdpW, IdleW = idleW } },
        _clock);

    /// <summary>Starts the meter; its first sample [0, 0.1] s is idle.</summary>
    private async Task StartAsync(EstimateMeter meter)
    {
        var starting = meter.StartAsync(Ct);
        Tick(busy: 0, idle: 10);
        await starting;
    }

    private void Tick(ulong busy, ulong idle)
    {
        _stat.Add(busy, idle);
        _time.Advance(Interval);
    }

    [Fact]
    public async Task MeasureAsync_HalfUtilizationForOneSecond_Gives46Point75Joules()
    {
        // Arrange: TdpW 85, IdleW 8.5: P(0.5) = 8.5 + 76.5 x 0.5 = 46.75 W.
        await using var meter = NewMeter();
        await StartAsync(meter);
        for (var i = 0; i < 10; i++)
            Tick(busy: 5, idle: 5);

        // Act
        var w = await meter.MeasureAsync(0.1, 1.1, Ct);

        // Assert
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(46.75, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(46.75, Precision);
        w.SampleCount.Should().Be(10);
    }

    [Fact]
    public async Task MeasureAsync_IdleThenFullLoad_GivesIdleWThenTdpW()
    {
        // Arrange
        await using var meter = NewMeter();
        await StartAsync(meter);
        Tick(busy: 0, idle: 10);
        Tick(busy: 10, idle: 0);

        // Act
        var idle = await meter.MeasureAsync(0.1, 0.2, Ct);
        var busy = await meter.MeasureAsync(0.2, 0.3, Ct);

        // Assert
        idle.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.85, Precision);
        busy.Domains[Domains.Cpu].Joules.Should().BeApproximately(8.5, Precision);
    }

    [Fact]
    public async Task MeasureAsync_NoClockTickInAnInterval_NextSampleSpansBothIntervals()
    {
        // Arrange
        await using var meter = NewMeter();
        await StartAsync(meter);
        Tick(busy: 0, idle: 0);
        Tick(busy: 10, idle: 10);

        // Act
        var w = await meter.MeasureAsync(0.1, 0.3, Ct);

        // Assert: one sample [0.1, 0.3] at u = 0.5.
        meter.Samples.SelectMany(s => new[] { s.StartS, s.EndS }).Should().Equal([0, 0.1, 0.1, 0.3], (a, b) => Math.Abs(a - b) < Precision);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(46.75 * 0.2, Precision);
    }

    [Fact]
    public async Task Provenance_Always_IsEstimatedWithTheModelAsData()
    {
        // Arrange
        await using var meter = NewMeter(tdpW: 65, idleW: 5);

        // Act
        var p = meter.Provenance;

        // Assert
        p.Method.Should().Be(EnergyMethod.Estimated);
        p.Domains.Should().Equal(Domains.Cpu, Domains.Total);
        p.Source.Should().StartWith("ESTIMATE from CPU utilization, not a measurement").And.Contain(_stat.Path)
            .And.Contain("P(u) = IdleW + (TdpW - IdleW) x u, u = machine CPU utilization in [0, 1] with IdleW = 5 W, TdpW = 65 W");
        p.Notes.Should().StartWith("These figures are estimates computed from CPU utilization");
        p.Model.Should().BeEquivalentTo(meter.Model);
        meter.Model.Parameters.Should().Equal(new Dictionary<string, double> { ["IdleW"] = 5, ["TdpW"] = 65 });
    }

    [Fact]
    public async Task CheckAsync_GarbageCpuLine_IsUnavailableSayingWhat()
    {
        // Arrange
        _stat.Raw("cpu  12 0 abc 400 0 0 0 0\n");
        await using var meter = NewMeter();

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"estimate: {_stat.Path} does not look like Linux /proc/stat: field 3 ('abc') is not a whole number of clock ticks; its first line is 'cpu  12 0 abc 400 0 0 0 0'. Check Meter:ProcStatPath.");
    }

    [Fact]
    public async Task StartAsync_FirstLineIsNotCpu_ThrowsMeterException()
    {
        // Arrange
        _stat.Raw("intr 1 2 3\n");
        await using var meter = NewMeter();

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Contain(
            "the first line must be 'cpu' followed by at least 4 tick counts (user nice system idle ...); its first line is 'intr 1 2 3'");
    }

    [Fact]
    public async Task CheckAsync_NoProcStat_IsUnavailableNamingTheMissingPlatforms()
    {
        // Arrange
        var options = new MeterOptions { ProcStatPath = _stat.Path + ".absent" };
        await using var meter = new EstimateMeter(options, _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"estimate: no CPU utilization source: {options.ProcStatPath} does not exist. The estimate meter reads Linux /proc/stat; the macOS (host_processor_info) and Windows (GetSystemTimes) equivalents are not implemented.");
    }

    [Fact]
    public async Task CheckAsync_TdpNotAboveIdle_IsUnavailable()
    {
        // Arrange
        await using var meter = NewMeter(tdpW: 8, idleW: 10);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Reason.Should().Be("estimate: Meter:Estimate:TdpW (8) must be above Meter:Estimate:IdleW (10), and IdleW must be 0 or more.");
    }
}

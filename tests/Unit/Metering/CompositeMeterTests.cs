using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

public sealed class CompositeMeterTests
{
    private const double Precision = 1e-9;

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;

    public CompositeMeterTests() => _clock = new SessionClock(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>CPU 10 W with DRAM 2 W (DRAM out of its total), 30 W over [1, 2) s.</summary>
    private ScriptedPowerMeter CpuSide(double periodS = 0.1, IEnumerable<int>? lost = null) => new(
        _clock,
        new ScriptedPowerTrace(
            new Dictionary<string, double> { [Domains.Cpu] = 10, [Domains.Dram] = 2 },
            [new ScriptedPowerSegment(1, 2, new Dictionary<string, double> { [Domains.Cpu] = 30 })]),
        periodS,
        lostSamples: lost);

    /// <summary>GPU 50 W throughout.</summary>
    private ScriptedPowerMeter GpuSide(double periodS = 0.25) => new(
        _clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Gpu] = 50 }), periodS);

    private static EnergyProvenance Measured(string meter, params string[] domains) =>
        new(meter, [.. domains, Domains.Total], EnergyMethod.Measured, $"{meter} counters", $"{meter} notes");

    private static EnergyProvenance Estimated(string meter, params string[] domains) =>
        new(meter, [.. domains, Domains.Total], EnergyMethod.Estimated, $"{meter} formula", $"{meter} is an estimate.")
        {
            Model = new PowerModelDescription("P = 1", new Dictionary<string, double> { ["TdpW"] = 85 }),
        };

    [Fact]
    public async Task MeasureAsync_CpuAndGpuParts_SumsTotalsAndKeepsEachDomainOnce()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(), GpuSide());
        await meter.StartAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(3));

        // Act: [0.5, 2.5] s: cpu 0.5 x 10 + 1 x 30 + 0.5 x 10 = 40 J; dram 4 J; gpu 100 J.
        var w = await meter.MeasureAsync(0.5, 2.5, Ct);

        // Assert
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Cpu, Domains.Dram, Domains.Gpu, Domains.Total]);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(40, Precision);
        w.Domains[Domains.Dram].Joules.Should().BeApproximately(4, Precision);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(100, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(140, Precision);
        w.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(70, Precision);
        w.SampleCount.Should().Be(20 + 8);
        w.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public async Task Provenance_BothScripted_IsSimulatedAndListsBothSources()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(), GpuSide());

        // Act
        var p = meter.Provenance;

        // Assert
        p.Meter.Should().Be("scripted+scripted");
        p.Method.Should().Be(EnergyMethod.Simulated);
        p.Domains.Should().Equal(Domains.Cpu, Domains.Dram, Domains.Gpu, Domains.Total);
        p.Source.Should().StartWith("cpu side: scripted (SIMULATED; cpu, dram, total): scripted fake")
            .And.Contain(" | gpu side: scripted (SIMULATED; gpu, total): scripted fake")
            .And.EndWith("| total = scripted total + scripted total (disjoint domains).");
        p.Notes.Should().StartWith("SIMULATED overall because the cpu side (scripted) and the gpu side (scripted) are SIMULATED by a fake meter");
        p.Model.Should().BeNull();
    }

    [Fact]
    public async Task Provenance_BothMeasured_IsMeasuredWithoutAnOverallNote()
    {
        // Arrange
        await using var meter = new CompositeMeter(
            new RelabeledMeter(CpuSide(), Measured("rapl", Domains.Package)), new RelabeledMeter(GpuSide(), Measured("nvml", Domains.Gpu)));

        // Act
        var p = meter.Provenance;

        // Assert
        p.Method.Should().Be(EnergyMethod.Measured);
        p.Source.Should().StartWith("cpu side: rapl (measured; package, total): rapl counters");
        p.Notes.Should().StartWith("cpu side: rapl notes | gpu side: nvml notes");
    }

    [Fact]
    public async Task Provenance_MeasuredAndSimulatedParts_IsSimulatedNeverMeasured()
    {
        // Arrange
        await using var meter = new CompositeMeter(new RelabeledMeter(CpuSide(), Measured("rapl", Domains.Package)), GpuSide());

        // Act
        var p = meter.Provenance;

        // Assert
        p.Method.Should().Be(EnergyMethod.Simulated);
        p.Notes.Should().StartWith("SIMULATED overall because the gpu side (scripted) is SIMULATED by a fake meter");
    }

    [Fact]
    public async Task Provenance_OneEstimatedPart_IsEstimatedAndSaysWhichPart()
    {
        // Arrange
        await using var meter = new CompositeMeter(
            new RelabeledMeter(CpuSide(), Estimated("estimate", Domains.Cpu)), new RelabeledMeter(GpuSide(), Measured("nvml", Domains.Gpu)));

        // Act
        var p = meter.Provenance;

        // Assert
        p.Method.Should().Be(EnergyMethod.Estimated);
        p.Source.Should().StartWith("cpu side: estimate (ESTIMATED; cpu, total): estimate formula");
        p.Notes.Should().StartWith("ESTIMATED overall because the cpu side (estimate) is ESTIMATED by a power model, not measured by a counter. ");
        p.Model!.Parameters["TdpW"].Should().Be(85);
    }

    [Fact]
    public async Task StartAsync_PartsSharingADomain_ThrowsInsteadOfCountingItTwice()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(), CpuSide());

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "scripted and scripted both report cpu, dram: combining them would count it twice. Combine a CPU-side meter with a GPU-side meter (nvml).");
    }

    [Fact]
    public async Task MeasureAsync_OnePartMissesCoverage_Throws()
    {
        // Arrange: the CPU side loses [0.5, 0.7] s.
        await using var meter = new CompositeMeter(CpuSide(lost: [6, 7]), GpuSide());
        await meter.StartAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(2));

        // Act
        var act = () => meter.MeasureAsync(0, 1, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).WithMessage("scripted meter covered 80.0% of window [0.000, 1.000] s*");
    }

    [Fact]
    public async Task CheckAsync_GpuSideUnavailable_IsUnavailableWithBothReasons()
    {
        // Arrange
        var gpu = new RelabeledMeter(GpuSide(), GpuSide().Provenance, Availability.No("nvml: no NVIDIA driver/NVML found."));
        await using var meter = new CompositeMeter(CpuSide(), gpu);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Should().Be(Availability.No("cpu side: scripted fake meter: always available. gpu side: nvml: no NVIDIA driver/NVML found."));
    }

    [Fact]
    public async Task Samples_BothParts_AppendOnlyWithoutThePartsTotals()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(periodS: 0.5), GpuSide(periodS: 0.5));
        await meter.StartAsync(Ct);
        var first = meter.Samples;
        _time.Advance(TimeSpan.FromSeconds(0.5));

        // Act
        var second = meter.Samples;

        // Assert
        first.Should().HaveCount(2);
        second.Should().HaveCount(4).And.StartWith(first);
        second.Should().OnlyContain(s => !s.EnergyJ.ContainsKey(Domains.Total));
        second[2].EnergyJ.Keys.Should().BeEquivalentTo([Domains.Cpu, Domains.Dram]);
        second[3].EnergyJ.Keys.Should().BeEquivalentTo([Domains.Gpu]);
    }

    [Fact]
    public async Task SamplesFrom_AfterSamplesWereTaken_ReturnsOnlyTheNewOnesAsSamplesHoldsThem()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(periodS: 0.5), GpuSide(periodS: 0.5));
        await meter.StartAsync(Ct);
        var first = meter.SamplesFrom(0);
        _time.Advance(TimeSpan.FromSeconds(1));

        // Act
        var fresh = meter.SamplesFrom(first.Count);

        // Assert: two new samples from each side, cpu side first, without the parts' totals; Samples agrees.
        first.Should().HaveCount(2);
        fresh.Should().HaveCount(4);
        fresh.Should().OnlyContain(s => !s.EnergyJ.ContainsKey(Domains.Total));
        fresh.Select(s => s.EnergyJ.ContainsKey(Domains.Gpu)).Should().Equal(false, false, true, true);
        meter.Samples.Skip(2).Should().Equal(fresh);
        meter.SamplesFrom(6).Should().BeEmpty();
    }

    [Fact]
    public async Task SamplesIn_Window_ReturnsEachSidesOverlappingSamplesWithoutTheirTotals()
    {
        // Arrange
        await using var meter = new CompositeMeter(CpuSide(), GpuSide());
        await meter.StartAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(3));

        // Act: [1.05, 1.5] cuts cpu samples [1.0, 1.1] .. [1.4, 1.5] (5) and gpu samples [1.0, 1.25], [1.25, 1.5] (2).
        var samples = meter.SamplesIn(1.05, 1.5);

        // Assert
        samples.Select(s => s.StartS).Should().BeEquivalentTo([1.0, 1.1, 1.2, 1.3, 1.4, 1.0, 1.25], o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
        samples.Should().OnlyContain(s => !s.EnergyJ.ContainsKey(Domains.Total));
        samples.Take(5).Should().OnlyContain(s => s.EnergyJ[Domains.Cpu] > 0 && !s.EnergyJ.ContainsKey(Domains.Gpu));
    }

    [Fact]
    public async Task DisposeAsync_Always_DisposesBothParts()
    {
        // Arrange
        var cpu = new RelabeledMeter(CpuSide(), CpuSide().Provenance);
        var gpu = new RelabeledMeter(GpuSide(), GpuSide().Provenance);
        var meter = new CompositeMeter(cpu, gpu);

        // Act
        await meter.DisposeAsync();

        // Assert
        (cpu.Disposed, gpu.Disposed).Should().Be((true, true));
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class SampleTimelineTests
{
    private const double Precision = 1e-9;

    private static Dictionary<string, double> Energy(double cpuJ, double gpuJ, double aneJ = 0) =>
        new() { [Domains.Cpu] = cpuJ, [Domains.Gpu] = gpuJ, [Domains.Ane] = aneJ };

    /// <summary>100 ms samples over [0, 1] s: CPU at 2 W, GPU at 10 W for the first 0.5 s then 20 W.</summary>
    private static SampleTimeline TenSamples()
    {
        var timeline = new SampleTimeline([Domains.Cpu, Domains.Gpu, Domains.Ane]);
        for (var k = 0; k < 10; k++)
            timeline.Add(new MeterSample(k * 0.1, (k + 1) * 0.1, Energy(0.2, k < 5 ? 1.0 : 2.0)));
        return timeline;
    }

    [Fact]
    public void Integrate_WindowOnSampleEdges_SumsWholeSamples()
    {
        // Act
        var w = TenSamples().Integrate(0.2, 0.4);

        // Assert
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.4, Precision);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2.0, Precision);
        w.SampleCount.Should().Be(2);
        w.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public void Integrate_WindowStartingAndEndingMidSample_CountsEdgesProRata()
    {
        // Act: [0.45, 0.62] = 0.05 s of GPU at 10 W + 0.12 s at 20 W.
        var w = TenSamples().Integrate(0.45, 0.62);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately((0.05 * 10) + (0.12 * 20), Precision);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.17 * 2, Precision);
        w.Domains[Domains.Gpu].AveragePowerW.Should().BeApproximately(2.9 / 0.17, 1e-6);
        w.Domains[Domains.Gpu].PeakPowerW.Should().BeApproximately(20, Precision);
        w.SampleCount.Should().Be(3);
        w.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public void Integrate_WindowInsideOneSample_TakesItsShare()
    {
        // Act
        var w = TenSamples().Integrate(0.72, 0.74);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(0.02 * 20, Precision);
        w.SampleCount.Should().Be(1);
    }

    [Fact]
    public void Integrate_TotalDomain_IsSumOfDeclaredDomains()
    {
        // Act
        var w = TenSamples().Integrate(0.0, 1.0);

        // Assert: CPU 2 J + GPU (5 x 1 + 5 x 2) J + ANE 0.
        w.Domains[Domains.Total].Joules.Should().BeApproximately(17, Precision);
        w.Domains[Domains.Total].PeakPowerW.Should().BeApproximately(22, Precision);
        w.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(17, Precision);
    }

    [Fact]
    public void Integrate_GapInsideWindow_LowersCoverageAndInventsNoEnergy()
    {
        // Arrange: 1 W samples over [0, 0.4] and [0.6, 1.0]; nothing in between.
        var timeline = new SampleTimeline([Domains.Cpu]);
        foreach (var start in new[] { 0.0, 0.2, 0.6, 0.8 })
            timeline.Add(new MeterSample(start, start + 0.2, new Dictionary<string, double> { [Domains.Cpu] = 0.2 }));

        // Act
        var w = timeline.Integrate(0.0, 1.0);

        // Assert
        w.Coverage.Should().BeApproximately(0.8, Precision);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.8, Precision);
        w.Domains[Domains.Cpu].AveragePowerW.Should().BeApproximately(0.8, Precision);
        w.SampleCount.Should().Be(4);
    }

    [Fact]
    public void Integrate_WindowWithoutSamples_HasZeroCoverageAndNoDomains()
    {
        // Act
        var w = TenSamples().Integrate(2.0, 3.0);

        // Assert
        w.Coverage.Should().Be(0);
        w.SampleCount.Should().Be(0);
        w.Domains.Should().BeEmpty();
    }

    [Fact]
    public void Integrate_WindowPartlyBeforeFirstSample_CoversOnlyTheSampledPart()
    {
        // Act
        var w = TenSamples().Integrate(-0.1, 0.1);

        // Assert
        w.Coverage.Should().BeApproximately(0.5, Precision);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.2, Precision);
    }

    [Fact]
    public void Integrate_DomainMissingFromOneSample_IsLeftOut()
    {
        // Arrange
        var timeline = new SampleTimeline([Domains.Cpu]);
        timeline.Add(new MeterSample(0, 1, new Dictionary<string, double> { [Domains.Cpu] = 1, [Domains.Dram] = 0.5 }));
        timeline.Add(new MeterSample(1, 2, new Dictionary<string, double> { [Domains.Cpu] = 1 }));

        // Act
        var both = timeline.Integrate(0, 2);
        var first = timeline.Integrate(0, 1);

        // Assert
        both.Domains.Keys.Should().BeEquivalentTo(Domains.Cpu, Domains.Total);
        first.Domains[Domains.Dram].Joules.Should().Be(0.5);
        first.Domains[Domains.Total].Joules.Should().Be(1, "DRAM is not part of the declared total");
    }

    [Fact]
    public void Add_OverlappingSample_Throws()
    {
        // Arrange
        var timeline = TenSamples();

        // Act
        var act = () => timeline.Add(new MeterSample(0.95, 1.1, Energy(1, 1)));

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("*overlaps*");
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(double.NaN, 1.0)]
    public void Integrate_EmptyOrInvertedWindow_Throws(double start, double end)
    {
        // Act
        var act = () => TenSamples().Integrate(start, end);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ShiftFrom_MovesLaterSamplesOnly()
    {
        // Arrange
        var timeline = new SampleTimeline();
        timeline.Add(new MeterSample(0, 1, Energy(1, 0)));
        timeline.Add(new MeterSample(2, 3, Energy(1, 0)));
        timeline.Add(new MeterSample(3, 4, Energy(1, 0)));

        // Act
        timeline.ShiftFrom(1, -0.5);

        // Assert
        timeline.Samples.Select(s => (s.StartS, s.EndS)).Should().Equal((0.0, 1.0), (1.5, 2.5), (2.5, 3.5));
    }

    [Fact]
    public async Task Add_FromSeveralThreads_KeepsEverySample()
    {
        // Arrange
        var timeline = new SampleTimeline([Domains.Cpu]);
        var ct = TestContext.Current.CancellationToken;
        var writer = Task.Run(
            () =>
            {
                for (var k = 0; k < 2000; k++)
                    timeline.Add(new MeterSample(k, k + 1, new Dictionary<string, double> { [Domains.Cpu] = 1 }));
            },
            ct);

        // Act: integrate while the writer adds. Each 1 s sample holds 1 J, so a consistent snapshot has
        // joules = samples = covered seconds, and never fewer than the snapshot before it.
        var previous = 0.0;
        while (!writer.IsCompleted)
        {
            var w = timeline.Integrate(0, 2000);
            var joules = w.Domains.TryGetValue(Domains.Cpu, out var cpu) ? cpu.Joules : 0;
            joules.Should().Be(w.SampleCount);
            w.Coverage.Should().BeApproximately(w.SampleCount / 2000.0, 1e-12);
            joules.Should().BeGreaterThanOrEqualTo(previous);
            previous = joules;
        }

        await writer;

        // Assert
        timeline.Integrate(0, 2000).Domains[Domains.Cpu].Joules.Should().Be(2000);
    }

    [Fact]
    public void Add_SampleMissingARequiredTotalPart_GetsNoTotal()
    {
        var timeline = new SampleTimeline([Domains.Cpu, Domains.Gpu, Domains.Ane], optionalInTotal: [Domains.Ane]);

        var noGpu = timeline.Add(new MeterSample(0, 1, new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Ane] = 1 }));
        var noAne = timeline.Add(new MeterSample(1, 2, new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Gpu] = 3 }));

        noGpu.EnergyJ.Should().NotContainKey(Domains.Total, "a total without the GPU would silently understate");
        noAne.EnergyJ[Domains.Total].Should().Be(5);
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// <see cref="EdgeAttribution"/> on a hand-made timeline of 100 ms samples: CPU idles at 1 W and works at 3 W, GPU idles
/// at 0.5 W and works at 10 W; the machine is busy exactly over the window [0.25, 0.52] s. Every expected value below is
/// worked out by hand from those powers.
/// </summary>
public sealed class EdgeAttributionTests
{
    private const double Precision = 1e-12;
    private static readonly Dictionary<string, double> Idle = new() { [Domains.Cpu] = 1.0, [Domains.Gpu] = 0.5 };

    /// <summary>
    /// [0.2, 0.3]: 0.05 s idle + 0.05 s busy = cpu 0.05 + 0.15 = 0.2 J, gpu 0.025 + 0.5 = 0.525 J;
    /// [0.3, 0.4] and [0.4, 0.5]: busy = cpu 0.3 J, gpu 1.0 J each; [0.5, 0.6]: 0.02 s busy + 0.08 s idle =
    /// cpu 0.06 + 0.08 = 0.14 J, gpu 0.2 + 0.04 = 0.24 J. True energy of the window: cpu 0.81 J, gpu 2.7 J.
    /// </summary>
    private static WindowEnergy Window(double cpuBeforeJ = 0.1, double gpuBeforeJ = 0.05)
    {
        var timeline = new SampleTimeline([Domains.Cpu, Domains.Gpu]);
        timeline.Add(new MeterSample(0.1, 0.2, Energy(cpuBeforeJ, gpuBeforeJ)));
        timeline.Add(new MeterSample(0.2, 0.3, Energy(0.2, 0.525)));
        timeline.Add(new MeterSample(0.3, 0.4, Energy(0.3, 1.0)));
        timeline.Add(new MeterSample(0.4, 0.5, Energy(0.3, 1.0)));
        timeline.Add(new MeterSample(0.5, 0.6, Energy(0.14, 0.24)));
        return timeline.Integrate(0.25, 0.52);
    }

    [Fact]
    public void Integrate_WindowBetweenIdleStretches_IsProRataAndKeepsTheEdgeSamples()
    {
        // Act
        var w = Window();

        // Assert: pro rata gives cpu 0.2 x 0.5 + 0.6 + 0.14 x 0.2 = 0.728 J, below the true 0.81 J.
        w.EdgeRule.Should().Be(EdgeRules.ProRata);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.728, Precision);
        w.ProRataJoules[Domains.Cpu].Should().BeApproximately(0.728, Precision);
        w.EdgeJoules[Domains.Cpu].Should().BeApproximately(0.1 + 0.028, Precision);
        w.EdgeSamples.Select(e => (e.StartS, e.EndS)).Should().Equal((0.2, 0.3), (0.5, 0.6));
        w.EdgeSamples[0].InsideS.Should().BeApproximately(0.05, Precision);
        w.EdgeSamples[1].OutsideS.Should().BeApproximately(0.08, Precision);
        w.TotalOf.Should().Equal(Domains.Cpu, Domains.Gpu);
    }

    [Fact]
    public void Apply_MeasuredIdlePower_GivesTheTrueEnergyOfEachDomainAndTheTotal()
    {
        // Act
        var w = EdgeAttribution.Apply(Window(), Idle);

        // Assert
        w.EdgeRule.Should().Be(EdgeRules.IdleAttributed);
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.81, Precision);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2.7, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(3.51, Precision);
        w.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(3.51 / 0.27, 1e-9);
        w.Domains[Domains.Gpu].PeakPowerW.Should().BeApproximately(10, Precision, "the busy samples and the edge samples' busy parts all draw 10 W");
        w.EdgeJoules[Domains.Cpu].Should().BeApproximately(0.15 + 0.06, Precision);
        w.EdgeJoules[Domains.Total].Should().BeApproximately(0.15 + 0.06 + 0.5 + 0.2, Precision);
        w.ProRataJoules[Domains.Total].Should().BeApproximately(0.728 + 2.3105, Precision, "the pro-rata figure is kept beside the attributed one");
    }

    [Fact]
    public void Apply_IdleAboveAnEdgeSamplesPower_ClampsItsInsidePartAtZero()
    {
        // Act: an idle of 5 W would leave 0.2 - 0.25 J and 0.14 - 0.4 J inside: clamped to 0, the middle samples stay.
        var w = EdgeAttribution.Apply(Window(), new Dictionary<string, double> { [Domains.Cpu] = 5, [Domains.Gpu] = 0.5 });

        // Assert
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.6, Precision);
        w.EdgeJoules[Domains.Cpu].Should().Be(0);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(0.6 + 2.7, Precision);
    }

    [Fact]
    public void Apply_DomainWithoutIdlePower_KeepsItsProRataShare()
    {
        // Act
        var w = EdgeAttribution.Apply(Window(), new Dictionary<string, double> { [Domains.Cpu] = 1.0 });

        // Assert: gpu pro rata = 0.525 x 0.5 + 2.0 + 0.24 x 0.2 = 2.3105 J; the total is the sum of its parts.
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2.3105, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(0.81 + 2.3105, Precision);
    }

    [Fact]
    public void Apply_MachineBusyNextToTheWindow_KeepsProRataAndSaysWhy()
    {
        // Arrange: the sample before the window drew 3 + 10 = 13 W, far above the idle 1.5 W: other work ran there.
        var window = Window(cpuBeforeJ: 0.3, gpuBeforeJ: 1.0);

        // Act
        var w = EdgeAttribution.Apply(window, Idle);

        // Assert: both edges keep pro rata (the end edge has no neighbour yet and follows the start's verdict).
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.728, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(0.728 + 2.3105, Precision);
        w.Approximation.Should().Be("Edge rule not applied to 2 edge sample(s), kept pro rata: next to the window the machine drew 13 W, above 1.25 x its idle 1.5 W + 0.25 W, so the time outside the window was not idle.");
    }

    [Fact]
    public void Apply_NeighbourJustWithinTheIdleMargin_AttributesTheEdges()
    {
        // Arrange: 1.5 W x 1.25 + 0.25 W = 2.125 W is the most an idle neighbour may draw; this one draws 2.1 W.
        var window = Window(cpuBeforeJ: 0.16, gpuBeforeJ: 0.05);

        // Act
        var w = EdgeAttribution.Apply(window, Idle);

        // Assert
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(0.81, Precision);
        w.Approximation.Should().BeNull();
    }

    [Fact]
    public void Apply_NegativeIdlePower_ThrowsNamingTheDomain()
    {
        // Act
        var act = () => EdgeAttribution.Apply(Window(), new Dictionary<string, double> { [Domains.Gpu] = -1 });

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("idle power of gpu is -1 W*");
    }

    private static Dictionary<string, double> Energy(double cpuJ, double gpuJ) => new() { [Domains.Cpu] = cpuJ, [Domains.Gpu] = gpuJ };
    [Fact]
    public void Apply_WindowInsideOneCoarseSample_PeakIsTheAttributedPartsPowerNotTheSamplesAverage()
    {
        // Arrange: one 10 s sample (a Prometheus scrape interval) at 70 W idle but for a busy [4, 6] s at 310 W:
        // 70 x 8 + 310 x 2 = 1180 J, an average of 118 W.
        var timeline = new SampleTimeline([Domains.Gpu]);
        timeline.Add(new MeterSample(0, 10, new Dictionary<string, double> { [Domains.Gpu] = 1180 }));

        // Act
        var w = EdgeAttribution.Apply(timeline.Integrate(4, 6), new Dictionary<string, double> { [Domains.Gpu] = 70 });

        // Assert: 1180 - 70 x 8 = 620 J over 2 s = 310 W, and the peak cannot read below that (the sample's own 118 W).
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(620, 1e-9);
        w.Domains[Domains.Gpu].AveragePowerW.Should().BeApproximately(310, 1e-9);
        w.Domains[Domains.Gpu].PeakPowerW.Should().BeApproximately(310, 1e-9);
        w.Domains[Domains.Total].PeakPowerW.Should().BeGreaterThanOrEqualTo(w.Domains[Domains.Total].AveragePowerW - 1e-9);
    }
}

using SlmEnergyBench.Benchmarks.Windows;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Benchmarks;

public sealed class RunSamplesTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void Timeline_FortySamples_ThreeSecondsBusyThenOneIdleWithTotal()
    {
        // Act
        var samples = RunSamples.Timeline(40).Samples;

        // Assert: 30 busy samples of 0.1 s at 25 + 3 W, 10 idle at 5 + 1 W; total = package + dram.
        samples.Should().HaveCount(40);
        samples[^1].EndS.Should().BeApproximately(4.0, Precision);
        samples.Sum(s => s.EnergyJ[Domains.Total]).Should().BeApproximately((30 * 2.8) + (10 * 0.6), Precision);
        samples[29].EnergyJ[Domains.Package].Should().BeApproximately(2.5, Precision);
        samples[30].EnergyJ[Domains.Package].Should().BeApproximately(0.5, Precision);
    }

    [Fact]
    public void Windows_SixteenOverAThousandSamples_SpreadInsideTheRunAndCutSamplesAtBothEdges()
    {
        // Act: a run of 100 s.
        var windows = RunSamples.Windows(1_000, 16, 2.0);

        // Assert
        windows.Should().HaveCount(16);
        windows.Should().OnlyContain(w => w.StartS >= 0 && w.EndS <= 100 && Math.Abs(w.EndS - w.StartS - 2.0) < Precision);
        windows.Select(w => Math.Round((w.StartS % 0.1) * 1000, 6)).Should().OnlyContain(ms => ms == 37);
        windows[0].StartS.Should().BeApproximately(0.037, Precision);
        windows[^1].StartS.Should().BeGreaterThan(85);
    }

    [Fact]
    public void Windows_LongerThanTheRun_Throws()
    {
        // Act
        var act = () => RunSamples.Windows(10, 4, 2.0);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

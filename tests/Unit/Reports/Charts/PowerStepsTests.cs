using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports.Charts;

public sealed class PowerStepsTests
{
    private static MeterSample Sample(double start, double end, double joules) =>
        new(start, end, new Dictionary<string, double> { [Domains.Total] = joules, [Domains.Cpu] = joules });

    [Fact]
    public void Of_FewSamples_DrawsEachAtItsOwnPower()
    {
        var steps = PowerSteps.Of([Sample(0, 0.5, 1), Sample(0.5, 1, 3)]);

        steps.SamplesPerStep.Should().Be(1);
        steps.Steps.Should().Equal((0.0, 0.5, 2.0), (0.5, 1.0, 6.0));
    }

    [Fact]
    public void Of_MoreSamplesThanSteps_GroupsAtTheGroupsTrueAveragePowerKeepingTheEnergy()
    {
        MeterSample[] samples = [Sample(0, 1, 2), Sample(1, 2, 4), Sample(2, 3, 6), Sample(3, 4, 8), Sample(4, 4.5, 1)];

        var steps = PowerSteps.Of(samples, maxSteps: 2);

        steps.SamplesPerStep.Should().Be(3);
        steps.Steps.Should().Equal((0.0, 3.0, 4.0), (3.0, 4.5, 6.0));
        steps.Steps.Sum(s => s.Watts * (s.EndS - s.StartS)).Should().BeApproximately(samples.Sum(s => s.EnergyJ[Domains.Total]), 1e-12);
    }

    [Fact]
    public void Of_GapBetweenSamples_NeverAveragesAcrossIt()
    {
        var steps = PowerSteps.Of([Sample(0, 1, 2), Sample(5, 6, 10)], maxSteps: 1);

        steps.Steps.Should().Equal((0.0, 1.0, 2.0), (5.0, 6.0, 10.0));
    }
}

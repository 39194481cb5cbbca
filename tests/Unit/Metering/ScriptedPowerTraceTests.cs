using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class ScriptedPowerTraceTests
{
    private static readonly ScriptedPowerTrace Trace = new(
        new Dictionary<string, double> { [Domains.Cpu] = 1, [Domains.Gpu] = 0.5 },
        [new ScriptedPowerSegment(2, 3, new Dictionary<string, double> { [Domains.Gpu] = 10.5 })]);

    [Fact]
    public void EnergyJ_AcrossSegmentEdge_IntegratesExactly()
    {
        // Act: [2.5, 3.5] = 0.5 s at 10.5 W + 0.5 s at 0.5 W on the GPU.
        var energy = Trace.EnergyJ(2.5, 3.5);

        // Assert
        energy[Domains.Gpu].Should().BeApproximately(5.5, 1e-12);
        energy[Domains.Cpu].Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void PowerAt_InsideSegment_KeepsBaselineOfUnnamedDomains()
    {
        // Act
        var power = Trace.PowerAt(2.0);

        // Assert
        power.Should().Equal(new Dictionary<string, double> { [Domains.Cpu] = 1, [Domains.Gpu] = 10.5 });
        Trace.PowerAt(3.0)[Domains.Gpu].Should().Be(0.5, "segments are half-open");
    }

    [Fact]
    public void Constructor_OverlappingSegments_Throws()
    {
        // Arrange
        var watts = new Dictionary<string, double> { [Domains.Cpu] = 2 };

        // Act
        var act = () => new ScriptedPowerTrace(watts, [new(0, 2, watts), new(1, 3, watts)]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("*overlaps*");
    }
}

using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>powermetrics' <c>thermal_pressure</c> per sample, summed up over a run.</summary>
public sealed class ThermalPressureTests
{
    private static MeterSample Sample(double startS, double endS, string? pressure) =>
        new(startS, endS, new Dictionary<string, double> { [Domains.Total] = 1 }) { ThermalPressure = pressure };

    [Fact]
    public void Of_SomeSamplesHeavy_CountsAndTimesEachLevelAndTheFirstHotOne()
    {
        // Arrange: 0.1 s samples; two Heavy ones from 0.2 s to 0.4 s, one Moderate from 0.5 s.
        MeterSample[] samples =
        [
            Sample(0, 0.1, "Nominal"), Sample(0.1, 0.2, "Nominal"), Sample(0.2, 0.3, "Heavy"), Sample(0.3, 0.4, "Heavy"),
            Sample(0.4, 0.5, "Nominal"), Sample(0.5, 0.6, "Moderate"),
        ];

        // Act
        var t = ThermalPressure.Of(samples)!;

        // Assert: levels in Apple's order, whatever order they came in.
        t.Samples.Should().Equal(new Dictionary<string, int> { ["Nominal"] = 3, ["Moderate"] = 1, ["Heavy"] = 2 });
        t.Samples.Keys.Should().Equal("Nominal", "Moderate", "Heavy");
        t.Seconds["Heavy"].Should().BeApproximately(0.2, 1e-12);
        t.NotNominalSamples.Should().Be(3);
        t.NotNominalS.Should().BeApproximately(0.3, 1e-12);
        t.FirstNotNominalS.Should().BeApproximately(0.2, 1e-12);
        t.Throttled.Should().BeTrue();
        t.Describe().Should().Be("Nominal 3 samples (0.3 s), Moderate 1 samples (0.1 s), Heavy 2 samples (0.2 s)");
    }

    [Fact]
    public void Of_AllNominal_IsNotThrottled()
    {
        // Act
        var t = ThermalPressure.Of([Sample(0, 0.1, "Nominal"), Sample(0.1, 0.2, "Nominal")])!;

        // Assert
        t.Throttled.Should().BeFalse();
        t.FirstNotNominalS.Should().BeNull();
        t.Describe().Should().Be("Nominal in all 2 samples");
    }

    [Fact]
    public void Of_AMeterWithoutThermalPressure_IsNull()
    {
        ThermalPressure.Of([Sample(0, 0.1, null)]).Should().BeNull();
    }

    [Fact]
    public void Of_ALevelOutsideApplesList_CountsAsNotNominal()
    {
        // Act
        var t = ThermalPressure.Of([Sample(0, 0.1, "Nominal"), Sample(0.1, 0.2, "Serious")])!;

        // Assert
        t.Samples.Keys.Should().Equal("Nominal", "Serious");
        t.Throttled.Should().BeTrue();
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class PowermetricsIntakeTests
{
    private static PlistDocumentResult Sample(long elapsedNs, double cpuMj, double? dramMj = null)
    {
        var energy = new Dictionary<string, double> { [Domains.Cpu] = cpuMj, [Domains.Gpu] = 10, [Domains.Ane] = 0 };
        if (dramMj is { } d)
            energy[Domains.Dram] = d;
        return PlistDocumentResult.Parsed(new PowermetricsSample(elapsedNs, energy, [], null, null, null, null, null));
    }

    [Fact]
    public void Accept_SamplesAroundCorruptDocument_ConvertsToJoulesAndRecordsTheGap()
    {
        // Arrange
        var timeline = new SampleTimeline([Domains.Cpu, Domains.Gpu, Domains.Ane]);
        var intake = new PowermetricsIntake(timeline, startedAtS: 0);

        // Act: 100 ms samples ending at 1.0 and 1.2; the one ending at 1.1 was corrupt.
        intake.Accept([Sample(100_000_000, 60)], 1.0);
        intake.Accept([PlistDocumentResult.Corrupt("elapsed_ns is missing"), Sample(100_000_000, 80)], 1.2);

        // Assert
        var samples = timeline.Samples;
        samples.Select(s => s.EnergyJ[Domains.Cpu]).Should().Equal(0.06, 0.08);
        samples[0].EnergyJ[Domains.Total].Should().BeApproximately(0.07, 1e-12);
        samples[1].StartS.Should().BeApproximately(1.1, 1e-9);
        intake.DescribeGaps(1.0, 1.2).Should().ContainSingle()
            .Which.Should().Be("gap from 1.000 s to 1.100 s after a corrupt plist document (elapsed_ns is missing)");
        intake.DescribeGaps(1.15, 1.2).Should().BeEmpty();
    }

    [Fact]
    public void Accept_DramSample_KeepsDramOutOfTotal()
    {
        // Arrange
        var timeline = new SampleTimeline([Domains.Cpu, Domains.Gpu, Domains.Ane]);
        var intake = new PowermetricsIntake(timeline, startedAtS: 0);

        // Act
        intake.Accept([Sample(100_000_000, 60, dramMj: 30)], 1.0);

        // Assert
        intake.SawDram.Should().BeTrue();
        timeline.Samples[0].EnergyJ[Domains.Dram].Should().Be(0.03);
        timeline.Samples[0].EnergyJ[Domains.Total].Should().BeApproximately(0.07, 1e-12);
    }
}

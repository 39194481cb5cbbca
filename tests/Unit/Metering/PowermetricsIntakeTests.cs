using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class PowermetricsIntakeTests
{
    private readonly SampleTimeline _timeline = new();

    private static PlistDocumentResult Parsed(string document) =>
        PlistDocumentResult.Parsed(PowermetricsPlistReader.Parse(Encoding.UTF8.GetBytes(document)));

    /// <summary>An Apple Silicon sample: cpu, gpu 10 mJ, ane 0 mJ, and dram when given.</summary>
    private static PlistDocumentResult AppleSilicon(long elapsedNs, int cpuMj, int? dramMj = null) => Parsed(PlistDocuments.Build(
        $"<key>elapsed_ns</key><integer>{elapsedNs}</integer>",
        $"<key>cpu_energy</key><integer>{cpuMj}</integer><key>gpu_energy</key><integer>10</integer><key>ane_energy</key><integer>0</integer>"
        + (dramMj is { } d ? $"<key>dram_energy</key><integer>{d}</integer>" : "")));

    private PowermetricsIntake NewIntake() => new(_timeline, startedAtS: 0, sample => $"refused: {sample.ProcessorKeys?.Count} key(s)");

    [Fact]
    public void Accept_SamplesAroundCorruptDocument_ConvertsToJoulesAndRecordsTheGap()
    {
        // Arrange
        var intake = NewIntake();

        // Act: 100 ms samples ending at 1.0 and 1.2; the one ending at 1.1 was corrupt.
        intake.Accept([AppleSilicon(100_000_000, 60)], 1.0);
        intake.Accept([PlistDocumentResult.Corrupt("elapsed_ns is missing"), AppleSilicon(100_000_000, 80)], 1.2);

        // Assert
        var samples = _timeline.Samples;
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
        var intake = NewIntake();

        // Act
        intake.Accept([AppleSilicon(100_000_000, 60, dramMj: 30)], 1.0);

        // Assert
        intake.DomainsSeen.Should().Equal(Domains.Cpu, Domains.Gpu, Domains.Ane, Domains.Dram, Domains.Total);
        _timeline.Samples[0].EnergyJ[Domains.Dram].Should().Be(0.03);
        _timeline.Samples[0].EnergyJ[Domains.Total].Should().BeApproximately(0.07, 1e-12);
    }

    [Fact]
    public void Accept_IntelSamples_TotalIsThePackageAndTheKeyIsRecorded()
    {
        // Arrange
        var intake = NewIntake();
        var intel = Parsed(PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>1002380000</integer>", "<key>package_joules</key><real>8.55029</real><key>package_watts</key><real>8.53</real>"));

        // Act
        intake.Accept([intel], 2.0);

        // Assert
        intake.Rule.Should().Be(PowermetricsTotalRule.Package);
        intake.DomainsSeen.Should().Equal(Domains.Package, Domains.Total);
        intake.KeysRead.Select(k => k.Name).Should().Equal("package_joules");
        _timeline.Samples[0].EnergyJ.Should().Equal(new Dictionary<string, double> { [Domains.Package] = 8.55029, [Domains.Total] = 8.55029 });
    }

    [Fact]
    public void Accept_FirstSampleWithoutEnergy_RefusesTheStreamAndPlacesNothing()
    {
        // Arrange
        var intake = NewIntake();
        var noEnergy = Parsed(PlistDocuments.Build("<key>elapsed_ns</key><integer>100000000</integer>", "<key>freq_hz</key><real>1e9</real>"));

        // Act: a usable sample after the refused one changes nothing: the first sample decides.
        intake.Accept([noEnergy], 1.0);
        intake.Accept([AppleSilicon(100_000_000, 60)], 1.1);

        // Assert
        intake.Refusal.Should().Be("refused: 1 key(s)");
        intake.Rule.Should().BeNull();
        _timeline.Count.Should().Be(0);
    }
}

using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class PowermetricsPlistReaderTests
{
    private static PowermetricsSample Parse(string xml) => PowermetricsPlistReader.Parse(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Parse_RealM1Sample_ReadsProcessorEnergiesAndTopLevelKeys()
    {
        // Act
        var sample = Parse(PlistDocuments.RealM1);

        // Assert
        sample.ElapsedNs.Should().Be(2019178750);
        sample.EnergyMj.Should().Equal(new Dictionary<string, double> { ["cpu"] = 89, ["gpu"] = 31, ["ane"] = 0 });
        sample.EnergyFromPower.Should().BeEmpty();
        sample.HwModel.Should().Be("MacBookPro17,1");
        sample.ThermalPressure.Should().Be("Nominal");
        sample.Timestamp.Should().Be("2023-05-02T10:11:12Z");
        sample.CombinedPowerMw.Should().Be(59.4301);
        sample.PackageEnergyMj.Should().BeNull();
    }

    [Fact]
    public void Parse_RealM1Sample_EnergyMatchesPowerTimesElapsed()
    {
        // Act
        var sample = Parse(PlistDocuments.RealM1);

        // Assert: the reference's own check, 89 mJ / 2.019 s = 44.08 mW = cpu_power.
        (sample.EnergyMj["cpu"] / sample.ElapsedS).Should().BeApproximately(44.0773, 0.01);
    }

    [Fact]
    public void Parse_GpuDictBeforeProcessor_UsesProcessorGpuEnergy()
    {
        // Arrange: the top-level gpu dict comes first and carries a different gpu_energy.
        var xml = PlistDocuments.Build(
            "<key>gpu</key><dict><key>gpu_energy</key><integer>777</integer></dict><key>elapsed_ns</key><integer>100000000</integer>",
            "<key>gpu_energy</key><integer>12</integer>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyMj["gpu"].Should().Be(12);
    }

    [Fact]
    public void Parse_KeysInAnyOrder_ReadsByName()
    {
        // Arrange
        var xml = PlistDocuments.Build(
            "<key>thermal_pressure</key><string>Heavy</string><key>elapsed_ns</key><integer>105000000</integer>",
            "<key>ane_energy</key><integer>3</integer><key>gpu_energy</key><integer>2</integer><key>cpu_energy</key><integer>1</integer>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyMj.Should().Equal(new Dictionary<string, double> { ["cpu"] = 1, ["gpu"] = 2, ["ane"] = 3 });
        sample.ThermalPressure.Should().Be("Heavy");
    }

    [Fact]
    public void Parse_EnergyMissingPowerPresent_ComputesPowerTimesElapsedAndNotesIt()
    {
        // Arrange: 250 ms at 400 mW = 100 mJ.
        var xml = PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>250000000</integer>",
            "<key>cpu_energy</key><integer>7</integer><key>gpu_power</key><real>400.0</real>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyMj["gpu"].Should().BeApproximately(100, 1e-9);
        sample.EnergyMj["cpu"].Should().Be(7);
        sample.EnergyFromPower.Should().Equal("gpu");
        sample.EnergyMj.Should().NotContainKey("ane");
    }

    [Fact]
    public void Parse_OnlyElapsed_GivesSampleWithoutDomains()
    {
        // Act
        var sample = Parse(PlistDocuments.Build("<key>elapsed_ns</key><integer>1</integer>", ""));

        // Assert
        sample.EnergyMj.Should().BeEmpty();
        sample.HwModel.Should().BeNull();
        sample.ThermalPressure.Should().BeNull();
    }

    [Fact]
    public void Parse_PackageAndDram_ReadsDramDomainAndPackageSeparately()
    {
        // Arrange
        var xml = PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>100000000</integer>",
            "<key>package_energy</key><integer>900</integer><key>dram_energy</key><integer>40</integer>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyMj.Should().Equal(new Dictionary<string, double> { ["dram"] = 40 });
        sample.PackageEnergyMj.Should().Be(900);
    }

    [Theory]
    [InlineData("<key>hw_model</key><string>X</string>", "elapsed_ns is missing")]
    [InlineData("<key>elapsed_ns</key><integer>0</integer>", "not positive")]
    [InlineData("<key>elapsed_ns</key><string>soon</string>", "not an integer")]
    [InlineData("<key>elapsed_ns</key><integer>5</integer><key>processor</key><dict><key>cpu_energy</key><string>x</string></dict>", "cpu_energy")]
    [InlineData("<key>elapsed_ns</key><integer>5</integer><key>processor</key><dict><key>cpu_energy</key><integer>-4</integer></dict>", "negative")]
    public void Parse_UnusableDocument_ThrowsFormatExceptionSayingWhy(string topLevel, string expected)
    {
        // Arrange
        var xml = PlistDocuments.Header + "<plist version=\"1.0\"><dict>" + topLevel + "</dict></plist>";

        // Act
        var act = () => Parse(xml);

        // Assert
        act.Should().Throw<FormatException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Parse_TruncatedXml_ThrowsFormatException()
    {
        // Act
        var act = () => Parse(PlistDocuments.RealM1[..(PlistDocuments.RealM1.Length / 2)]);

        // Assert
        act.Should().Throw<FormatException>().WithMessage("not well-formed XML*");
    }
}

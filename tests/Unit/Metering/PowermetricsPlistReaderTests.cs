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
        sample.EnergyJ.Should().Equal(new Dictionary<string, double> { ["cpu"] = 0.089, ["gpu"] = 0.031, ["ane"] = 0 });
        sample.KeysRead.Values.Select(k => k.Name).Should().Equal("cpu_energy", "gpu_energy", "ane_energy");
        sample.EnergyFromPower.Should().BeEmpty();
        sample.HwModel.Should().Be("MacBookPro17,1");
        sample.ThermalPressure.Should().Be("Nominal");
        sample.Timestamp.Should().Be("2023-05-02T10:11:12Z");
        sample.CombinedPowerMw.Should().Be(59.4301);
        sample.EnergyJ.Should().NotContainKey("package");
    }

    [Fact]
    public void Parse_RealM1Sample_EnergyMatchesPowerTimesElapsed()
    {
        // Act
        var sample = Parse(PlistDocuments.RealM1);

        // Assert: the reference's own check, 89 mJ / 2.019 s = 44.08 mW = cpu_power.
        (sample.EnergyJ["cpu"] / sample.ElapsedS).Should().BeApproximately(0.0440773, 0.00001);
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
        sample.EnergyJ["gpu"].Should().Be(0.012);
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
        sample.EnergyJ.Should().Equal(new Dictionary<string, double> { ["cpu"] = 0.001, ["gpu"] = 0.002, ["ane"] = 0.003 });
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
        sample.EnergyJ["gpu"].Should().BeApproximately(0.1, 1e-12);
        sample.EnergyJ["cpu"].Should().Be(0.007);
        sample.EnergyFromPower.Should().Equal("gpu");
        sample.EnergyJ.Should().NotContainKey("ane");
    }

    [Fact]
    public void Parse_OnlyElapsed_GivesSampleWithoutDomains()
    {
        // Act
        var sample = Parse(PlistDocuments.Build("<key>elapsed_ns</key><integer>1</integer>", ""));

        // Assert
        sample.EnergyJ.Should().BeEmpty();
        sample.KeysRead.Should().BeEmpty();
        sample.HwModel.Should().BeNull();
        sample.ThermalPressure.Should().BeNull();
    }

    [Fact]
    public void Parse_PackageEnergyAndDramEnergy_ReadsBothDomainsInMillijoules()
    {
        // Arrange
        var xml = PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>100000000</integer>",
            "<key>package_energy</key><integer>900</integer><key>dram_energy</key><integer>40</integer>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyJ.Should().Equal(new Dictionary<string, double> { ["dram"] = 0.04, ["package"] = 0.9 });
    }

    [Fact]
    public void Parse_IntelMacFieldSample_PackageFromPackageJoulesInJoules()
    {
        // Arrange: the field input as captured (one document and its NUL separator), through the stream parser.
        var parser = new PlistStreamParser();

        // Act
        var documents = parser.Feed(File.ReadAllBytes(FieldInputFiles.IntelMacSample)).Concat(parser.Complete()).ToList();

        // Assert: the field README's right answer, 8.55029 J over 1.00238 s; 8.55029 / 1.00238 = 8.52999 W, the
        // sample's own package_watts (8.53) to its three decimals. Joules are read as joules, not as millijoules.
        var sample = documents.Should().ContainSingle().Which.Sample!;
        sample.ElapsedS.Should().Be(1.00238);
        sample.EnergyJ.Should().Equal(new Dictionary<string, double> { ["package"] = 8.55029 });
        sample.KeysRead["package"].Describe().Should().Be("processor.package_joules (J per sample)");
        sample.EnergyFromPower.Should().BeEmpty("package_joules is there, so package_watts is not needed");
        (sample.EnergyJ["package"] / sample.ElapsedS).Should().BeApproximately(8.53, 0.0005);
        sample.HwModel.Should().Be("MacBookPro15,1");
        sample.ProcessorKeys.Should().Contain(["package_joules", "package_watts", "freq_hz"]);
    }

    [Fact]
    public void Parse_IntelPackageWattsOnly_EnergyIsWattsTimesElapsed()
    {
        // Arrange: 8.53 W over 1.00238 s = 8.5503014 J (by hand).
        var xml = PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>1002380000</integer>",
            "<key>package_watts</key><real>8.53</real><key>freq_hz</key><real>2.49872e+09</real>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyJ["package"].Should().BeApproximately(8.5503014, 1e-9);
        sample.EnergyFromPower.Should().Equal("package");
        sample.KeysRead["package"].Describe().Should().Be("processor.package_watts (W) x elapsed_ns");
    }

    [Fact]
    public void Parse_IntelDramJoulesAndGpuWatts_ReadEachInItsUnit()
    {
        // Arrange: 500 ms; dram 0.75 J; integrated GPU 2 W -> 1 J; package 6 J.
        var xml = PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>500000000</integer>",
            "<key>package_joules</key><real>6.0</real><key>dram_joules</key><real>0.75</real><key>gpu_watts</key><real>2.0</real>");

        // Act
        var sample = Parse(xml);

        // Assert
        sample.EnergyJ.Should().Equal(new Dictionary<string, double> { ["gpu"] = 1.0, ["dram"] = 0.75, ["package"] = 6.0 });
        sample.EnergyFromPower.Should().Equal("gpu");
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

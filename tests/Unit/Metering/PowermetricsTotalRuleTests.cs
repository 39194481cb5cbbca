using System.Text;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class PowermetricsTotalRuleTests
{
    private static PowermetricsSample Sample(string processor, string topLevel = "") => PowermetricsPlistReader.Parse(Encoding.UTF8.GetBytes(
        PlistDocuments.Build("<key>elapsed_ns</key><integer>100000000</integer><key>hw_model</key><string>MacBookPro15,1</string>" + topLevel, processor)));

    [Fact]
    public void WithTotal_AppleSiliconWithPackage_TotalIsCpuGpuAneAndPackageNeverAdded()
    {
        // Arrange: cpu 89 mJ, gpu 31 mJ, ane 5 mJ, and a package figure of 130 mJ that overlaps them.
        var sample = Sample("<key>cpu_energy</key><integer>89</integer><key>gpu_energy</key><integer>31</integer>"
            + "<key>ane_energy</key><integer>5</integer><key>package_energy</key><integer>130</integer>");

        // Act
        var rule = PowermetricsTotalRule.For(sample);
        var energy = rule!.WithTotal(sample.EnergyJ);

        // Assert: 0.089 + 0.031 + 0.005 = 0.125 J, not 0.255 J.
        rule.Should().Be(PowermetricsTotalRule.CpuGpuAne);
        energy[Domains.Total].Should().BeApproximately(0.125, 1e-12);
        energy[Domains.Package].Should().Be(0.13);
    }

    [Fact]
    public void WithTotal_IntelMacFieldSample_TotalIsPackage()
    {
        // Arrange
        var parser = new PlistStreamParser();
        var sample = parser.Feed(File.ReadAllBytes(FieldInputFiles.IntelMacSample)).Single().Sample!;

        // Act
        var rule = PowermetricsTotalRule.For(sample);
        var energy = rule!.WithTotal(sample.EnergyJ);

        // Assert: the field README's right answer: total = package = 8.55029 J.
        rule.Should().Be(PowermetricsTotalRule.Package);
        energy.Should().Equal(new Dictionary<string, double> { [Domains.Package] = 8.55029, [Domains.Total] = 8.55029 });
    }

    [Fact]
    public void WithTotal_IntelWithDramAndGpu_TotalIsPackageAlone()
    {
        // Arrange: package 6 J; dram 0.75 J (separate rail, left out); integrated GPU 1 J (nested in the package).
        var sample = Sample("<key>package_joules</key><real>6.0</real><key>dram_joules</key><real>0.75</real><key>gpu_joules</key><real>1.0</real>");

        // Act
        var energy = PowermetricsTotalRule.For(sample)!.WithTotal(sample.EnergyJ);

        // Assert
        energy[Domains.Total].Should().Be(6.0);
    }

    [Fact]
    public void WithTotal_LaterSampleWithoutPackage_GetsNoTotal()
    {
        // Arrange: the stream's rule is package; a later sample lost its package key.
        var later = Sample("<key>dram_joules</key><real>0.75</real>");

        // Act
        var energy = PowermetricsTotalRule.Package.WithTotal(later.EnergyJ);

        // Assert
        energy.Should().NotContainKey(Domains.Total, "a total is never silently partial");
    }

    [Fact]
    public void For_SampleWithoutEnergyKeys_IsNullAndRefusalNamesTheKeysSeen()
    {
        // Arrange
        var sample = Sample("<key>freq_hz</key><real>2.49872e+09</real><key>cores_active_ratio</key><real>0.5732</real>");

        // Act
        var rule = PowermetricsTotalRule.For(sample);
        var refusal = PowermetricsTotalRule.Refusal(sample, "sudo -n /usr/bin/powermetrics ...", "cpu_power,gpu_power");

        // Assert
        rule.Should().BeNull();
        refusal.Should().StartWith("powermetrics' first sample (MacBookPro15,1) from `sudo -n /usr/bin/powermetrics ...` carries none of the energy keys this meter reads: its processor dict holds freq_hz, cores_active_ratio.")
            .And.Contain("Meter:Samplers (now 'cpu_power,gpu_power') includes cpu_power")
            .And.Contain("Meter:Kind = estimate");
    }

    [Fact]
    public void For_SampleWithoutProcessorDict_RefusalNamesTheTopLevelKeys()
    {
        // Arrange
        var sample = PowermetricsPlistReader.Parse(Encoding.UTF8.GetBytes(PlistDocuments.Header
            + "<plist version=\"1.0\"><dict><key>elapsed_ns</key><integer>5</integer><key>gpu</key><dict></dict></dict></plist>"));

        // Act
        var refusal = PowermetricsTotalRule.Refusal(sample, "powermetrics", "gpu_power");

        // Assert
        PowermetricsTotalRule.For(sample).Should().BeNull();
        refusal.Should().Contain("it has no processor dict (top-level keys: elapsed_ns, gpu)");
    }

    [Fact]
    public void For_OnlyDram_IsNullAndRefusalSaysNoTotalCanBeFormed()
    {
        // Arrange
        var sample = Sample("<key>dram_energy</key><integer>40</integer>");

        // Act
        var refusal = PowermetricsTotalRule.Refusal(sample, "powermetrics", "cpu_power");

        // Assert
        PowermetricsTotalRule.For(sample).Should().BeNull();
        refusal.Should().Contain("carries only dram_energy, from which no total can be formed");
    }
}

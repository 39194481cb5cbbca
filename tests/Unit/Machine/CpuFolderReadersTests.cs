using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>Linux's <c>/sys/devices/system/cpu</c> written as files: governors and thermal throttle counters per logical CPU.</summary>
public sealed class CpuFolderReadersTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private void Write(string relative, string value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_root.File(relative))!);
        File.WriteAllText(_root.File(relative), value + "\n");
    }

    [Fact]
    public void Read_FourCpusOnTwoGovernors_CountsEachAndIgnoresOtherFolders()
    {
        // Arrange: cpufreq/policy0 is not a CPU folder, so its governor is not counted again.
        Write("cpu0/cpufreq/scaling_governor", "performance");
        Write("cpu1/cpufreq/scaling_governor", "powersave");
        Write("cpu2/cpufreq/scaling_governor", "performance");
        Write("cpu3/cpufreq/scaling_governor", "performance");
        Write("cpufreq/policy0/scaling_governor", "performance");

        // Act
        var governors = CpuGovernors.Read(_root.Path);

        // Assert
        governors!.Counts.Should().Equal(new Dictionary<string, int> { ["performance"] = 3, ["powersave"] = 1 });
        governors.Describe().Should().Be("performance x 3, powersave x 1");
    }

    [Fact]
    public void Read_NoCpufreq_IsNull()
    {
        // Arrange: a virtual machine's CPU folders have no cpufreq.
        Directory.CreateDirectory(_root.File("cpu0/topology"));

        // Act and assert
        CpuGovernors.Read(_root.Path).Should().BeNull();
    }

    [Fact]
    public void ThrottleCounters_CoreAndPackageCounters_AreSummedOverCpus()
    {
        // Arrange: 3 + 0 + 5 + 5 = 13.
        Write("cpu0/thermal_throttle/core_throttle_count", "3");
        Write("cpu0/thermal_throttle/package_throttle_count", "5");
        Write("cpu1/thermal_throttle/core_throttle_count", "0");
        Write("cpu1/thermal_throttle/package_throttle_count", "5");

        // Act and assert
        ThrottleCounters.Read(_root.Path).Should().Be(13);
    }

    [Fact]
    public void ThrottleCounters_NoneThere_IsNull()
    {
        // Arrange
        Directory.CreateDirectory(_root.File("cpu0"));

        // Act and assert
        ThrottleCounters.Read(_root.Path).Should().BeNull();
    }
}

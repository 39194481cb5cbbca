using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed partial class NvmlMeterTests
{
    [Fact]
    public async Task CheckAsync_LibraryMissing_IsUnavailableSayingNoDriverFound()
    {
        // Arrange: the real loader, pointed at a library that does not exist.
        var library = Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N"), "libnvidia-ml.so.1");
        await using var meter = new NvmlMeter(new MeterOptions { NvmlLibrary = library }, _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"nvml: no NVIDIA driver/NVML found: could not load '{library}'. Install the NVIDIA driver, or set Meter:NvmlLibrary to the NVML library's path.");
    }

    [Fact]
    public async Task CheckAsync_LibraryThatIsNotNvml_IsUnavailableNamingTheMissingFunction()
    {
        // Arrange: a library every Linux machine has, without NVML's functions.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs libc.so.6");
        await using var meter = new NvmlMeter(new MeterOptions { NvmlLibrary = "libc.so.6" }, _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith("nvml: 'libc.so.6' has no nvmlInit_v2: it is not NVML");
    }

    [Fact]
    public async Task StartAsync_LibraryMissing_ThrowsMeterException()
    {
        // Arrange
        await using var meter = new NvmlMeter(new MeterOptions(), _clock, () => throw new MeterException("nvml: no NVIDIA driver/NVML found: scripted."));

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be("nvml: no NVIDIA driver/NVML found: scripted.");
    }

    [Fact]
    public async Task CheckAsync_NoGpu_IsUnavailableAndClosesNvml()
    {
        // Arrange
        var nvml = new ScriptedNvml();
        await using var meter = NewMeter(nvml);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.Should().Be(Harness.Availability.No("nvml: NVML (scripted-nvml) found no NVIDIA GPU."));
        nvml.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task CheckAsync_GpuWithoutCounterOrPower_StartFailsSayingBoth()
    {
        // Arrange
        var nvml = new ScriptedNvml("Mystery GPU");
        await using var meter = NewMeter(nvml);

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "nvml: Mystery GPU has no total-energy counter and its power cannot be read: nvml: nvmlDeviceGetPowerUsage(0) failed with NVML error 3 (Not Supported).");
    }

    [Fact]
    public async Task DisposeAsync_AfterStart_ShutsNvmlDown()
    {
        // Arrange
        var nvml = new ScriptedNvml("GPU");
        nvml.CounterMj[0] = 1;
        var meter = NewMeter(nvml);
        await StartAsync(meter);

        // Act
        await meter.DisposeAsync();

        // Assert
        nvml.Disposed.Should().BeTrue();
    }
}

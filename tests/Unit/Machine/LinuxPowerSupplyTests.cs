using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>Linux's <c>/sys/class/power_supply</c> written as files: a laptop's <c>AC</c> adapter and <c>BAT0</c>, a mouse's battery, nothing at all.</summary>
public sealed class LinuxPowerSupplyTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private void Supply(string name, params (string File, string Value)[] files)
    {
        Directory.CreateDirectory(_root.File(name));
        foreach (var (file, value) in files)
            File.WriteAllText(_root.File(Path.Combine(name, file)), value + "\n");
    }

    [Fact]
    public void Read_AdapterOnlineAndBatteryCharging_IsAcWithTheBatterysCapacity()
    {
        // Arrange
        Supply("AC", ("type", "Mains"), ("online", "1"));
        Supply("BAT0", ("type", "Battery"), ("status", "Charging"), ("capacity", "85"));

        // Act
        var power = LinuxPowerSupply.Read(_root.Path);

        // Assert
        power.Kind.Should().Be(PowerSource.Ac);
        power.BatteryPercent.Should().Be(85);
        power.BatteryState.Should().Be("Charging");
        power.Detail.Should().Be("AC (Mains) online; BAT0 85% Charging");
    }

    [Fact]
    public void Read_AdapterOfflineAndBatteryDischarging_IsBattery()
    {
        // Arrange
        Supply("ADP1", ("type", "Mains"), ("online", "0"));
        Supply("BAT1", ("type", "Battery"), ("status", "Discharging"), ("capacity", "42"));

        // Act
        var power = LinuxPowerSupply.Read(_root.Path);

        // Assert
        power.Kind.Should().Be(PowerSource.Battery);
        power.OnBattery.Should().BeTrue();
        power.Describe().Should().Be("battery (42%, Discharging)");
    }

    [Fact]
    public void Read_BatteryFullWithoutAnyAdapterListed_IsAc()
    {
        // Arrange: a battery can only be full and stay so on external power.
        Supply("BAT0", ("type", "Battery"), ("status", "Full"), ("capacity", "100"));

        // Act
        var power = LinuxPowerSupply.Read(_root.Path);

        // Assert
        power.Kind.Should().Be(PowerSource.Ac);
    }

    [Fact]
    public void Read_OnlyAMouseBattery_IsUnknownAndNotTheMachinesBattery()
    {
        // Arrange
        Supply("hidpp_battery_0", ("type", "Battery"), ("scope", "Device"), ("status", "Discharging"), ("capacity", "30"));

        // Act
        var power = LinuxPowerSupply.Read(_root.Path);

        // Assert
        power.Kind.Should().Be(PowerSource.Unknown);
        power.BatteryPercent.Should().BeNull();
        power.Detail.Should().Be("no adapter or system battery among hidpp_battery_0");
    }

    [Fact]
    public void Read_NoSupplyAtAll_IsUnknownSayingSo()
    {
        // Act
        var power = LinuxPowerSupply.Read(_root.Path);

        // Assert
        power.Kind.Should().Be(PowerSource.Unknown);
        power.Describe().Should().Be($"unknown (no power supply listed in {_root.Path})");
    }
}

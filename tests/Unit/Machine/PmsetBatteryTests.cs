using SlmEnergyBench.Harness.Machine;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>
/// <c>pmset -g batt</c> as macOS prints it: a first line naming the source, then one line per battery with a TAB before its
/// charge (the shapes published for MacBooks on AC, on battery, plugged in but not charging, and a desktop Mac without a battery).
/// </summary>
public sealed class PmsetBatteryTests
{
    [Fact]
    public void Parse_OnAcCharged_IsAcWithTheBatterysChargeAndState()
    {
        // Arrange
        const string Output = "Now drawing from 'AC Power'\n -InternalBattery-0 (id=3735651)\t97%; charged; 0:00 remaining present: true\n";

        // Act
        var power = PmsetBattery.Parse(Output);

        // Assert
        power.Kind.Should().Be(PowerSource.Ac);
        power.BatteryPercent.Should().Be(97);
        power.BatteryState.Should().Be("charged");
        power.OnBattery.Should().BeFalse();
        power.Describe().Should().Be("AC power (battery 97%, charged)");
        power.ReadFrom.Should().Be("pmset -g batt");
    }

    [Fact]
    public void Parse_OnBatteryWithoutEstimate_IsBatteryDischarging()
    {
        // Arrange
        const string Output = "Now drawing from 'Battery Power'\n -InternalBattery-0 (id=3735651)\t97%; discharging; (no estimate) present: true\n";

        // Act
        var power = PmsetBattery.Parse(Output);

        // Assert
        power.Kind.Should().Be(PowerSource.Battery);
        power.OnBattery.Should().BeTrue();
        power.BatteryPercent.Should().Be(97);
        power.BatteryState.Should().Be("discharging");
        power.Describe().Should().Be("battery (97%, discharging)");
        power.Detail.Should().Be("Now drawing from 'Battery Power'; InternalBattery-0 97%; discharging");
    }

    [Fact]
    public void Parse_AcAttachedNotCharging_IsAcWithTheStateAsPrinted()
    {
        // Arrange
        const string Output = "Now drawing from 'AC Power'\n -InternalBattery-0 (id=6422627)\t80%; AC attached; not charging present: true\n";

        // Act
        var power = PmsetBattery.Parse(Output);

        // Assert
        power.Kind.Should().Be(PowerSource.Ac);
        power.BatteryPercent.Should().Be(80);
        power.BatteryState.Should().Be("AC attached");
    }

    [Fact]
    public void Parse_DesktopMacWithoutBattery_IsAcWithNoBattery()
    {
        // Act
        var power = PmsetBattery.Parse("Now drawing from 'AC Power'\n");

        // Assert
        power.Kind.Should().Be(PowerSource.Ac);
        power.BatteryPercent.Should().BeNull();
        power.BatteryState.Should().BeNull();
        power.Describe().Should().Be("AC power");
        power.Detail.Should().Be("Now drawing from 'AC Power'; no battery");
    }

    [Fact]
    public void Parse_UpsPower_IsUps()
    {
        // Act
        var power = PmsetBattery.Parse("Now drawing from 'UPS Power'\n");

        // Assert
        power.Kind.Should().Be(PowerSource.Ups);
        power.OnBattery.Should().BeFalse();
    }

    [Fact]
    public void Parse_SomethingElse_IsUnknownQuotingWhatItSaid()
    {
        // Act
        var power = PmsetBattery.Parse("pmset: unknown option -- g\n");

        // Assert
        power.Kind.Should().Be(PowerSource.Unknown);
        power.Detail.Should().Contain("'pmset: unknown option -- g'").And.Contain("no 'Now drawing from' line");
    }
}

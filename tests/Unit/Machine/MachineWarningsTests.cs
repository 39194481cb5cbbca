using SlmEnergyBench.Harness.Machine;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>The warnings a machine's state gives: on battery, not quiet, throttled.</summary>
public sealed class MachineWarningsTests
{
    private static readonly PowerSource Ac = new(PowerSource.Ac, 97, "charged", "pmset -g batt", "Now drawing from 'AC Power'");
    private static readonly PowerSource OnBattery = new(PowerSource.Battery, 85, "discharging", "pmset -g batt", "Now drawing from 'Battery Power'");

    private static MachineActivity Others(double busyCores) =>
        new(1.0, 1.2, busyCores, [new BusyProcess(812, "mds_stores", busyCores)], "ps");

    [Fact]
    public void AtStart_OnBattery_WarnsWithWhatToDo()
    {
        // Act
        var warnings = MachineWarnings.AtStart(OnBattery, Others(0));

        // Assert
        warnings.Should().ContainSingle().Which.Should().StartWith("On battery: the machine ran from its battery (battery (85%, discharging))")
            .And.Contain("plug in the power adapter");
    }

    [Fact]
    public void AtStart_OthersAtTheThreshold_WarnsNotQuietNamingTheBusiest()
    {
        // Act
        var warnings = MachineWarnings.AtStart(Ac, Others(MachineWarnings.NotQuietBusyCores));

        // Assert
        warnings.Should().ContainSingle().Which.Should()
            .StartWith("Not quiet: other processes kept 0.25 logical cores busy over 1.0 s before the first case (busiest: mds_stores (pid 812) 0.25 cores)")
            .And.Contain("close them");
    }

    [Fact]
    public void AtStart_OthersJustBelowTheThresholdOnAc_NoWarning()
    {
        MachineWarnings.AtStart(Ac, Others(0.249)).Should().BeEmpty();
    }

    [Fact]
    public void AtEnd_ThermalPressureAndThrottleCountersAndSwitchToBattery_WarnsForEach()
    {
        // Arrange: 2 of 10 samples Heavy (0.2 s from 0.5 s); the Linux counters rose from 7 to 9; on battery at the end.
        var thermal = new ThermalPressure(
            new Dictionary<string, int> { ["Nominal"] = 8, ["Heavy"] = 2 }, new Dictionary<string, double> { ["Nominal"] = 0.8, ["Heavy"] = 0.2 },
            2, 0.2, 0.5, "powermetrics thermal_pressure");
        var state = new MachineState(Ac, OnBattery, null, 7, 9, null, thermal, []);

        // Act
        var warnings = MachineWarnings.AtEnd(state);

        // Assert
        warnings.Should().HaveCount(3);
        warnings[0].Should().StartWith("On battery: the machine was running from its battery (battery (85%, discharging)) when the run ended");
        warnings[1].Should().StartWith("Throttled: powermetrics reported thermal pressure other than Nominal in 2 of 10 samples (0.2 s, the first at 0.5 s");
        warnings[2].Should().StartWith("Throttled: the CPU's thermal throttle counters (Linux thermal_throttle) rose by 2 during the run");
    }

    [Fact]
    public void AtEnd_QuietRunOnAc_NoWarning()
    {
        MachineWarnings.AtEnd(new MachineState(Ac, Ac, null, 7, 7, null, null, [])).Should().BeEmpty();
    }
}

using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>The harness cost's line in the run's output and its facts in the reports, on figures written by hand.</summary>
public sealed class HarnessCostTextTests
{
    /// <summary>
    /// 2.00 s of harness CPU over 100 s on 4 cores = 0.5% (0.02 busy cores); in 10 windows of 40 s together 0.8 s = 0.5% (0.02 busy
    /// cores); at 3 W per busy core 6 J over the run and 2.4 J in the windows, 2.4 / 800 = 0.3% of their energy.
    /// </summary>
    private static RunHarnessCost Cost(EnergyMethod method, double? watts = 3) => new(
        100, 4, 1.8, 0.3, 0.5, 2.0, 0.005, 0.02,
        new WindowsHarnessCost(10, 40, 0.9, 0.2, 0.1, false, 0.8, 0.005, 0.02, 1.2, 0.8 * watts, 800, 0.8 * watts / 800),
        new PowerPerBusyCore(watts, Domains.Cpu, 10, PowerPerBusyCore.FormulaText, "cpu power above idle / machine busy cores in 10 windows", watts is null ? "the machine's CPU was idle in every window" : null),
        2.0 * watts, method, "/proc/77/stat and its children's", ["A note."]);

    [Fact]
    public void Line_Estimated_GivesCpuShareAndMarkedJoules()
    {
        HarnessCostText.Line(Cost(EnergyMethod.Estimated)).Should().Be(
            "Harness cost: 2.00 s CPU over 100.0 s on 4 logical cores = 0.50% of the machine (0.020 busy cores; test program 1.80 s less the engine's 0.30 s, meter 0.50 s);"
            + " in the 10 request windows 0.80 s CPU = 0.50% (0.020 busy cores);"
            + " ~6.00 J over the run, ~2.400 J in the windows = 0.30% of their 800.0 J (ESTIMATED at ~3.00 W per busy core: cpu power above idle / machine busy cores in 10 windows).");
    }

    [Fact]
    public void Line_Simulated_SaysSimulatedWithoutTheEstimatesMark()
    {
        HarnessCostText.Line(Cost(EnergyMethod.Simulated)).Should().EndWith(
            "6.00 J over the run, 2.400 J in the windows = 0.30% of their 800.0 J (SIMULATED at 3.00 W per busy core: cpu power above idle / machine busy cores in 10 windows).");
    }

    [Fact]
    public void Line_NoPowerPerBusyCore_SaysWhyThereAreNoJoules()
    {
        HarnessCostText.Line(Cost(EnergyMethod.Estimated, watts: null)).Should().EndWith("; no joules: the machine's CPU was idle in every window.");
    }

    [Fact]
    public void Facts_NameTheFormulaTheMeterReadingAndTheNotes()
    {
        // Act
        var facts = HarnessCostText.Facts(Cost(EnergyMethod.Estimated));

        // Assert
        facts.Select(f => f.Label).Should().Equal("Harness cost", "Harness cost method", "Harness cost notes");
        facts[0].Value.Should().StartWith("2.00 s CPU over 100.0 s");
        facts[1].Value.Should().Contain("ESTIMATED, never a measurement").And.Contain(PowerPerBusyCore.FormulaText).And.Contain("Meter CPU: /proc/77/stat");
        facts[2].Value.Should().Be("A note.");
    }
}

using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>The fixed run with a machine state, a harness cost and a meter overhead added: both reports show them, warnings first.</summary>
public sealed class RunConditionsReportTests
{
    private const string NotQuiet = "Not quiet: other processes kept 0.80 logical cores busy over 0.6 s before the first case (busiest: mds_stores (pid 812) 0.70 cores).";

    private static RunData Run()
    {
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var power = new PowerSource(PowerSource.Ac, 97, "charged", "pmset -g batt", "Now drawing from 'AC Power'");
        var thermal = new ThermalPressure(new Dictionary<string, int> { ["Nominal"] = 40 }, new Dictionary<string, double> { ["Nominal"] = 4.2 }, 0, 0, null, "powermetrics thermal_pressure");
        var state = new MachineState(power, power, null, null, null,
            new MachineActivity(0.6, 1.1, 0.8, [new BusyProcess(812, "mds_stores", 0.7)], "ps"), thermal, [NotQuiet]);
        var cost = new RunHarnessCost(100, 4, 1.8, 0, 0.2, 2.0, 0.005, 0.02,
            new WindowsHarnessCost(12, 40, 0.7, 0, 0.1, true, 0.8, 0.005, 0.02, 1.2, 2.4, 800, 0.003),
            new PowerPerBusyCore(3, Domains.Cpu, 12, PowerPerBusyCore.FormulaText, "cpu power above idle / machine busy cores in 12 windows", null), 6, EnergyMethod.Simulated, "ps (process 77 and its children), at the run's start and end only", []);
        var overhead = new MeterOverhead(100, 1000, 10, [new(1000, 1, 11, 0.65, 10, null), new(100, 12, 22, 0.65, 100, null), new(1000, 23, 33, 0.65, 10, null)],
            0, EnergyMethod.Simulated, "idle power, fast less slow");
        return run with { Manifest = run.Manifest with { MachineState = state, HarnessCost = cost, MeterOverhead = overhead } };
    }

    [Fact]
    public void Html_MachineWarning_IsABannerAtTheTopAndTheStateIsInTheHeader()
    {
        // Act
        var html = HtmlReport.Render(Run(), []);

        // Assert
        var banner = html.IndexOf("<div class=\"banner machine\" role=\"alert\">Not quiet: other processes kept 0.80 logical cores busy", StringComparison.Ordinal);
        banner.Should().BePositive().And.BeLessThan(html.IndexOf("<section id=\"energy\">", StringComparison.Ordinal));
        html.Should().Contain("<dt>Power</dt><dd>AC power (battery 97%, charged)</dd>")
            .And.Contain("<dt>Thermal pressure</dt><dd>Nominal in all 40 samples</dd>")
            .And.Contain("<dt>Other processes</dt><dd>kept 0.80 logical cores busy over 0.6 s before the first case (the whole machine 1.10); busiest: mds_stores (pid 812) 0.70 cores</dd>");
    }

    [Fact]
    public void Html_HarnessCostAndMeterOverhead_AreUnderHowEnergyWasObtained()
    {
        // Act
        var html = HtmlReport.Render(Run(), []);
        var energy = html[html.IndexOf("<section id=\"energy\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"summary\">", StringComparison.Ordinal)];

        // Assert
        energy.Should().Contain("<dt>Harness cost</dt><dd>2.00 s CPU over 100.0 s on 4 logical cores = 0.50% of the machine")
            .And.Contain("6.00 J over the run, 2.400 J in the windows = 0.30% of their 800.0 J (SIMULATED at 3.00 W per busy core")
            .And.Contain("<dt>Harness cost method</dt><dd>CPU seconds from the OS")
            .And.Contain("<dt>Meter overhead</dt><dd>0.000 W sampling every 100 ms instead of every 1000 ms (SIMULATED;");
    }

    [Fact]
    public void Markdown_MachineWarningAndCost_ShowInBoldFirstAndUnderHowEnergyWasObtained()
    {
        // Act
        var md = MarkdownReport.Render(Run(), []);

        // Assert
        md.Should().Contain("> **Not quiet: other processes kept 0.80 logical cores busy").And.Contain("**Power:** AC power (battery 97%, charged).");
        md.IndexOf("> **Not quiet", StringComparison.Ordinal).Should().BeLessThan(md.IndexOf("## How energy was obtained", StringComparison.Ordinal));
        md[md.IndexOf("## How energy was obtained", StringComparison.Ordinal)..].Should().Contain("**Harness cost:** 2.00 s CPU over 100.0 s").And.Contain("**Meter overhead:** 0.000 W");
    }

    [Fact]
    public void Reports_RunWithoutConditions_ShowNoneOfThem()
    {
        // Act: the fixed run was recorded before these were.
        var run = RunDataReader.Read(ReportFixtures.FakeRun);
        var text = HtmlReport.Render(run, []) + MarkdownReport.Render(run, []);

        // Assert
        text.Should().NotContain("banner machine").And.NotContain("Harness cost").And.NotContain("Meter overhead").And.NotContain("Thermal pressure");
    }
}

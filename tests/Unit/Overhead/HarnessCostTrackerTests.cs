using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Metering;
using static SlmEnergyBench.Unit.Overhead.HarnessRecords;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>The harness's CPU as the OS counts it: this process burning CPU, a meter process burning CPU, and the run's sums over hand-written windows.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class HarnessCostTrackerTests
{
    private readonly SessionClock _clock = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private ScriptedPowerMeter InProcessMeter() => new(_clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = 2 }));

    private static EnergyProvenance Provenance(EnergyMethod method) => new("scripted", [Domains.Cpu, Domains.Total], method, "test", "");

    private static CompletionResult Completion(double? engineCpuS) => Case(1, 1, 1, 0, null, engineCpuS).Completion!;

    [Fact]
    public async Task EndWindow_ThisThreadBurnsCpuAsTheEngine_TestProgramCountsItAndTheHarnessLeavesItOut()
    {
        Assert.SkipWhen(ThreadCpuClock.Now() is null, "no thread CPU clock on this OS");

        // Arrange
        await using var meter = InProcessMeter();
        var tracker = await HarnessCostTracker.StartAsync(MachineSources.Default, _clock, meter, _ct);
        var begin = tracker.BeginWindow();

        // Act: 0.2 s of this thread's CPU, as the engine's generating thread would spend it.
        var t0 = ThreadCpuClock.Now()!.Value;
        var spins = 0L;
        while (ThreadCpuClock.Now()!.Value - t0 < 0.2)
            spins++;
        var engine = ThreadCpuClock.Now()!.Value - t0;
        var cost = tracker.EndWindow(begin, Completion(engine));

        // Assert: the process's time counts in 10 ms ticks, the thread's in nanoseconds.
        spins.Should().BePositive();
        cost.TestProgramCpuS.Should().BeGreaterThanOrEqualTo(engine - 0.02);
        cost.HarnessCpuS.Should().BeApproximately(cost.TestProgramCpuS - engine, 1e-12);
        cost.MeterCpuS.Should().BeNull("the scripted meter runs inside the test program");
        if (OperatingSystem.IsLinux())
            cost.MachineBusyCores.Should().BeInRange(0, Environment.ProcessorCount);
    }

    [Fact]
    public async Task EndWindow_MeterProcessBurnsCpuInAGrandchild_CountsTheWholeTreesTime()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the meter's process is read per window through procfs on Linux only");

        // Arrange: the meter's grandchild spins for 0.6 s of wall time, then is gone (its time reaped into the tree).
        await using var meter = new ChildProcessMeter("sleep 0.2; timeout 0.6 bash -c 'while :; do :; done'; sleep 30");
        await meter.StartAsync(_ct);
        var tracker = await HarnessCostTracker.StartAsync(MachineSources.Default, _clock, meter, _ct);
        var begin = tracker.BeginWindow();

        // Act
        await Task.Delay(TimeSpan.FromSeconds(1.2), _ct);
        var cost = tracker.EndWindow(begin, Completion(null));

        // Assert: at most its 0.6 s of wall time; at least a little of it, however busy the machine.
        cost.MeterCpuS.Should().BeInRange(0.05, 0.65);
        cost.HarnessCpuS.Should().BeApproximately(cost.TestProgramCpuS + cost.MeterCpuS!.Value, 1e-12);
    }

    [Fact]
    public async Task FinishAsync_WindowsWrittenByHand_SumsThemAndPricesThemAtTheRunsPowerPerBusyCore()
    {
        // Arrange: windows of 2 s and 1 s; harness = test program - engine + meter = (0.3 - 0.1 + 0.05) + (0.2 - 0 + 0.05) = 0.5 s;
        // W per busy core ((10 - 2) + (6 - 2)) / (0.75 x 2 + 0.5 x 1) = 12 J / 2 core-seconds = 6 W.
        await using var meter = InProcessMeter();
        var tracker = await HarnessCostTracker.StartAsync(MachineSources.Default, _clock, meter, _ct);
        var records = new[]
        {
            Case(2, cpuJ: 10, totalJ: 30, idleCpuW: 1, new CaseHarnessCost(2, 0.3, 0.05, 0.75, 0.25), engineCpuS: 0.1),
            Case(1, cpuJ: 6, totalJ: 20, idleCpuW: 2, new CaseHarnessCost(1, 0.2, 0.05, 0.5, 0.25)),
        };

        // Act
        var cost = await tracker.FinishAsync(records, new BenchOptions(), Provenance(EnergyMethod.Measured), _ct);

        // Assert
        var w = cost.Windows;
        w.Cases.Should().Be(2);
        w.SpanS.Should().Be(3);
        w.TestProgramCpuS.Should().BeApproximately(0.5, 1e-12);
        w.EngineCpuS.Should().BeApproximately(0.1, 1e-12);
        w.MeterCpuS.Should().BeApproximately(0.1, 1e-12);
        w.MeterProRata.Should().BeFalse();
        w.HarnessCpuS.Should().BeApproximately(0.5, 1e-12);
        w.BusyCores.Should().BeApproximately(0.5 / 3, 1e-12);
        w.Share.Should().BeApproximately(0.5 / (3.0 * Environment.ProcessorCount), 1e-12);
        w.MachineBusyCores.Should().BeApproximately(((0.75 * 2) + (0.5 * 1)) / 3, 1e-12);
        w.Joules.Should().BeApproximately(3, 1e-12, "0.5 CPU s x 6 W per busy core");
        w.EnergyJ.Should().Be(50);
        w.ShareOfEnergy.Should().BeApproximately(0.06, 1e-12);
        cost.PowerPerBusyCore.WattsPerBusyCore.Should().BeApproximately(6, 1e-12);
        cost.Method.Should().Be(EnergyMethod.Estimated, "a measured meter's power still makes the harness's joules an estimate");
        cost.MeterCpuS.Should().BeNull();
        cost.MeterReadFrom.Should().Be("the scripted meter runs inside the test program: its CPU is in the test program's");
        cost.Notes.Should().Contain("The scripted meter samples inside the test program: its CPU is part of the test program's.");
        cost.Joules.Should().BeApproximately(cost.HarnessCpuS * 6, 1e-12);
        cost.Share.Should().BeApproximately(cost.HarnessCpuS / (cost.WallS * Environment.ProcessorCount), 1e-12);
    }

    [Fact]
    public async Task FinishAsync_SimulatedMeter_MakesTheJoulesSimulated()
    {
        // Arrange
        await using var meter = InProcessMeter();
        var tracker = await HarnessCostTracker.StartAsync(MachineSources.Default, _clock, meter, _ct);

        // Act
        var cost = await tracker.FinishAsync([], new BenchOptions(), Provenance(EnergyMethod.Simulated), _ct);

        // Assert
        cost.Method.Should().Be(EnergyMethod.Simulated);
        cost.Windows.Cases.Should().Be(0);
        cost.Joules.Should().BeNull();
    }
}

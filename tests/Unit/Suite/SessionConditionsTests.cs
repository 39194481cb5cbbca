using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// A whole session records its conditions: the machine's state, the harness's CPU per window and over the run, and (asked for) the
/// meter's overhead; with a scripted meter in the test program, and with the fake profile's powermetrics process.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class SessionConditionsTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("session-conditions-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Fact]
    public async Task Finish_ScriptedMeterInProcess_RecordsTheHarnessPerWindowAndOverTheRun()
    {
        // Arrange: a constant 12 W meter (cpu 2 W, gpu 10 W) inside the test program, the fake server, idle measured.
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Protocol__IdleSeconds", "0.3"));
        var clock = new SessionClock();
        using var server = FakeGpt4AllServer.Start(config.Options.Fake);
        using var backend = new Gpt4AllClient(new BackendOptions { BaseUrl = server.BaseUrl }, clock);
        var meter = new ScriptedPowerMeter(clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Gpu] = 10 }), periodS: 0.05);
        await using var session = await BenchmarkSession.OpenAsync(config, clock, backend, (_, _) => Task.FromResult(new MeterChoice(meter, "scripted")), [], _ct);

        // Act
        var records = new[] { await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, _ct), await session.RunCaseAsync("Llama 3.2 1B Instruct", 1, _ct) };
        await session.FinishAsync(_ct);
        var run = RunDataReader.Read(session.Results!.Directory);

        // Assert: each window's readings bracket the request; nothing but the test program in it.
        records.Should().AllSatisfy(r =>
        {
            r.Harness!.SpanS.Should().BeInRange(r.Completion!.WallSeconds, r.Completion.WallSeconds + 0.1);
            r.Harness.TestProgramCpuS.Should().BeGreaterThanOrEqualTo(0);
            r.Harness.MeterCpuS.Should().BeNull();
            r.Harness.HarnessCpuS.Should().Be(r.Harness.TestProgramCpuS);
        });
        run.Cases.Select(c => c.Harness).Should().Equal(records.Select(r => r.Harness));

        var cost = run.Manifest.HarnessCost!;
        cost.Windows.Cases.Should().Be(2);
        cost.Windows.SpanS.Should().BeApproximately(records.Sum(r => r.Harness!.SpanS), 1e-9);
        cost.WallS.Should().BeGreaterThan(cost.Windows.SpanS);
        cost.MeterCpuS.Should().BeNull();
        cost.Method.Should().Be(EnergyMethod.Simulated);
        cost.Notes.Should().Contain(n => n.StartsWith("The test program hosts the fake GPT4All server", StringComparison.Ordinal));
        cost.PowerPerBusyCore.WattsPerBusyCore.Should().BeNull("a constant 12 W is never above the idle 12 W");
        session.HarnessCostLine.Should().StartWith("Harness cost: ").And.EndWith("no joules: the windows' cpu power was not above the idle power, so a busy core's power cannot be told from it.");

        var state = run.Manifest.MachineState!;
        state.PowerAtStart.Should().NotBeNull();
        state.PowerAtEnd.Should().NotBeNull();
        state.ThermalPressure.Should().BeNull("the scripted meter reports none");
        if (OperatingSystem.IsLinux())
            state.Activity!.ReadFrom.Should().Be("/proc");
        session.MachineStateLine.Should().StartWith("Machine: power ");

        var md = File.ReadAllText(RunReport.Generate(run.Directory).Markdown);
        md.Should().Contain("**Harness cost:** ").And.Contain("**Power:** ").And.Contain("**Harness cost notes:** The test program hosts the fake GPT4All server");
    }

    [Fact]
    public async Task Open_FakeProfileWithMeterOverhead_MeasuresTheFakesIntervalsAndReadsItsProcess()
    {
        // Arrange: the fake powermetrics draws its idle 0.6 W cpu + 0.05 W gpu whatever its interval.
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Protocol__MeterOverheadSeconds", "5"));

        // Act
        await using var session = await BenchmarkSession.OpenAsync(config, _ct);
        var record = await session.RunCaseAsync("Llama 3.2 1B Instruct", 0, _ct);
        await session.FinishAsync(_ct);
        var manifest = RunDataReader.Read(session.Results!.Directory).Manifest;

        // Assert: 1 mJ steps of 0.65 W samples keep each phase within 0.01 W of it; no overhead to tell.
        var overhead = manifest.MeterOverhead!;
        overhead.Phases.Select(p => p.IntervalMs).Should().Equal(1000, 100, 1000);
        overhead.Phases.Should().OnlyContain(p => Math.Abs(p.PowerW!.Value - 0.65) < 0.01 && p.EndS - p.StartS >= 5);
        overhead.OverheadW.Should().BeInRange(-0.01, 0.01);
        overhead.Method.Should().Be(EnergyMethod.Simulated);
        manifest.MachineState!.ThermalPressure!.Samples.Keys.Should().Equal(ThermalPressure.Nominal);
        manifest.HarnessCost!.Method.Should().Be(EnergyMethod.Simulated);
        if (OperatingSystem.IsLinux())
        {
            record.Harness!.MeterCpuS.Should().NotBeNull("the fake's process is read through procfs at the window's edges");
            manifest.HarnessCost.MeterCpuS.Should().BePositive();
            manifest.HarnessCost.MeterReadFrom.Should().Contain("/stat and its children's");
        }
    }
}

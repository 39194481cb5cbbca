using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// Measures the harness's own cost as a run goes: the OS's CPU time of the test program (<see cref="SelfCpu"/>) and of the
/// meter's process (<see cref="IMeterProcess"/>), and the machine's CPU times, read when the meter has started
/// (<see cref="StartAsync"/>), at each request's edges (<see cref="BeginWindow"/>, <see cref="EndWindow"/>) and at the run's
/// end (<see cref="FinishAsync"/>). The in-process engine's CPU (<see cref="CompletionResult.EngineCpuS"/>) is the model's work,
/// not the harness's, and is left out. Readings at the edges are cheap file reads and syscalls; nothing is started inside a window.
/// </summary>
public sealed class HarnessCostTracker
{
    private readonly MachineSources _sources;
    private readonly SessionClock _clock;
    private readonly MeterProcessCpu? _meter;
    private readonly string _meterName;
    private readonly CpuReading _start;
    private readonly Lock _gate = new();
    private double _engineCpuS;

    private HarnessCostTracker(MachineSources sources, SessionClock clock, MeterProcessCpu? meter, string meterName, CpuReading start)
    {
        _sources = sources;
        _clock = clock;
        _meter = meter;
        _meterName = meterName;
        _start = start;
    }

    /// <summary>The machine's logical cores (<see cref="Environment.ProcessorCount"/>).</summary>
    public int LogicalCores { get; } = Environment.ProcessorCount;

    /// <summary>Starts measuring once <paramref name="meter"/> has started: the first reading of every clock.</summary>
    public static async Task<HarnessCostTracker> StartAsync(MachineSources sources, SessionClock clock, IPowerMeter meter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(meter);
        var pid = ProcessIdOf(meter);
        var meterCpu = pid is { } id ? new MeterProcessCpu(sources, id) : null;
        var meterAtStart = meterCpu is null ? null : await meterCpu.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new HarnessCostTracker(sources, clock, meterCpu, meter.Provenance.Meter,
            new CpuReading(clock.Now, SelfCpu.Seconds(), meterAtStart, MachineCpu.Read(sources)));
    }

    /// <summary>The reading just before a request is sent.</summary>
    internal CpuReading BeginWindow() => Read();

    /// <summary>The request's <see cref="CaseHarnessCost"/>, from <paramref name="begin"/> to now; its engine CPU is added to the run's.</summary>
    internal CaseHarnessCost EndWindow(CpuReading begin, CompletionResult completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var end = Read();
        AddEngine(completion);
        var testProgram = end.TestProgramCpuS - begin.TestProgramCpuS;
        double? meter = begin.MeterCpuS is { } m0 && end.MeterCpuS is { } m1 ? Math.Max(0, m1 - m0) : null;
        var span = end.AtS - begin.AtS;
        return new CaseHarnessCost(span, testProgram, meter, MachineCpu.BusyCores(begin.Machine, end.Machine, LogicalCores),
            testProgram - (completion.EngineCpuS ?? 0) + (meter ?? 0));
    }

    /// <summary>Adds a request's in-process engine CPU to the run's (warm-ups: they are not windows, but their CPU is the model's).</summary>
    public void AddEngine(CompletionResult completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        lock (_gate)
            _engineCpuS += completion.EngineCpuS ?? 0;
    }

    /// <summary>The run's <see cref="RunHarnessCost"/> from the start reading to now, with the windows of <paramref name="records"/>.</summary>
    /// <param name="records">The run's cases (those with <see cref="CaseRecord.Harness"/> are the windows).</param>
    /// <param name="options">The run's options: backend and engine threads say what the test program's CPU holds.</param>
    /// <param name="meter">The meter's provenance: a simulated meter's power makes the joules SIMULATED, any other's ESTIMATED; an estimate meter's model gives the W per busy core.</param>
    /// <param name="cancellationToken">Cancels the macOS <c>ps</c> run.</param>
    public async Task<RunHarnessCost> FinishAsync(IReadOnlyList<CaseRecord> records, BenchOptions options, EnergyProvenance meter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meter);
        var meterNow = _meter is null ? null : await _meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        var end = Read() with { MeterCpuS = meterNow };
        double engine;
        lock (_gate)
            engine = _engineCpuS;
        var wall = Math.Max(end.AtS - _start.AtS, double.Epsilon);
        double? meterCpu = _start.MeterCpuS is { } m0 && end.MeterCpuS is { } m1 ? Math.Max(0, m1 - m0) : null;
        var testProgram = end.TestProgramCpuS - _start.TestProgramCpuS;
        var harness = testProgram - engine + (meterCpu ?? 0);
        var power = PowerPerBusyCore.Of(records, LogicalCores, meter.Model);
        return new RunHarnessCost(wall, LogicalCores, testProgram, engine, meterCpu, harness, harness / (wall * LogicalCores), harness / wall,
            Windows(records, power, meterCpu, wall), power, harness * power.WattsPerBusyCore,
            meter.Method == EnergyMethod.Simulated ? EnergyMethod.Simulated : EnergyMethod.Estimated,
            MeterReadFrom(), HarnessCostNotes.For(options, _meterName, _meter is not null, _meter?.PerWindow != false));
    }

    private WindowsHarnessCost Windows(IReadOnlyList<CaseRecord> records, PowerPerBusyCore power, double? runMeterCpuS, double runWallS)
    {
        var windows = records.Where(r => r.Harness is not null).ToList();
        var span = windows.Sum(r => r.Harness!.SpanS);
        var testProgram = windows.Sum(r => r.Harness!.TestProgramCpuS);
        var engine = windows.Sum(r => r.Completion?.EngineCpuS ?? 0);
        var proRata = _meter is { PerWindow: false } && runMeterCpuS is not null;
        double? meter = proRata ? runMeterCpuS * span / runWallS
            : windows.Any(r => r.Harness!.MeterCpuS is not null) ? windows.Sum(r => r.Harness!.MeterCpuS ?? 0) : null;
        var harness = testProgram - engine + (meter ?? 0);
        var spanOrTiny = Math.Max(span, double.Epsilon);
        var withBusy = windows.Where(r => r.Harness!.MachineBusyCores is not null).ToList();
        double? machineBusy = withBusy.Count == 0 ? null
            : withBusy.Sum(r => r.Harness!.MachineBusyCores!.Value * r.Harness.SpanS) / Math.Max(withBusy.Sum(r => r.Harness!.SpanS), double.Epsilon);
        var withEnergy = windows.Where(r => r.Energy?.Window.Domains.ContainsKey(Domains.Total) == true).ToList();
        double? energy = withEnergy.Count == 0 ? null : withEnergy.Sum(r => r.Energy!.Window.Domains[Domains.Total].Joules);
        var joules = harness * power.WattsPerBusyCore;
        return new WindowsHarnessCost(windows.Count, span, testProgram, engine, meter, proRata, harness, harness / (spanOrTiny * LogicalCores),
            harness / spanOrTiny, machineBusy, joules, energy, joules / energy);
    }

    private string MeterReadFrom() => _meter is null
        ? $"the {_meterName} meter runs inside the test program: its CPU is in the test program's"
        : _meter.ReadFrom;

    private CpuReading Read() => new(_clock.Now, SelfCpu.Seconds(), _meter?.ReadNow(), MachineCpu.Read(_sources));

    private static int? ProcessIdOf(IPowerMeter meter)
    {
        try
        {
            return (meter as IMeterProcess)?.ProcessId;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

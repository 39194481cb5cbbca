using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// What a session records about the run's conditions, in one place the session calls at a few points: the machine's state
/// (<see cref="MachineStateProbe"/>), the meter's own overhead when asked (<see cref="MeterOverheadProbe"/>) and the harness's
/// CPU cost (<see cref="HarnessCostTracker"/>). Every warning goes to the observer and into <c>run.json</c>.
/// </summary>
internal sealed class HarnessWatch
{
    private readonly MachineSources _sources;
    private readonly MachineStateProbe _machine;
    private HarnessCostTracker? _cost;
    private int _startWarned;

    private HarnessWatch(MachineSources sources, MachineStateProbe machine)
    {
        _sources = sources;
        _machine = machine;
    }

    /// <summary>The machine's state: at the start once <see cref="BeforeMeterAsync"/> ran, complete after <see cref="FinishAsync"/>.</summary>
    public MachineState? MachineState { get; private set; }

    /// <summary>The meter's overhead, when <c>Protocol:MeterOverheadSeconds</c> &gt; 0 asked for it.</summary>
    public MeterOverhead? MeterOverhead { get; private set; }

    /// <summary>The harness's cost over the run, after <see cref="FinishAsync"/>.</summary>
    public RunHarnessCost? Cost { get; private set; }

    /// <summary>As the run opens: the first reading of the process table.</summary>
    public static async Task<HarnessWatch> BeginAsync(MachineSources sources, CancellationToken cancellationToken) =>
        new(sources, await MachineStateProbe.BeginAsync(sources, Environment.ProcessId, cancellationToken).ConfigureAwait(false));

    /// <summary>Just before the run's meter starts: the machine's state at the start, then the meter's overhead when asked (it needs the machine to itself).</summary>
    public async Task BeforeMeterAsync(BenchOptions options, MeterChoice choice, SessionClock clock, CancellationToken cancellationToken)
    {
        MachineState = await _machine.StartAsync(cancellationToken).ConfigureAwait(false);
        if (options.Protocol.MeterOverheadSeconds > 0 && choice.AtInterval is { } meterAt)
            MeterOverhead = await MeterOverheadProbe.MeasureAsync(meterAt, options.Meter.IntervalMs, options.Protocol.MeterOverheadSeconds, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Once the run's meter has started: the first reading of the harness's CPU clocks.</summary>
    public async Task MeterStartedAsync(IPowerMeter meter, SessionClock clock, CancellationToken cancellationToken) =>
        _cost = await HarnessCostTracker.StartAsync(_sources, clock, meter, cancellationToken).ConfigureAwait(false);

    /// <summary>Tells <paramref name="observer"/> the start's warnings, once (the session calls it before each case; the observer is set after opening).</summary>
    public void WarnAtStart(IRunObserver? observer)
    {
        if (observer is null || MachineState is null || Interlocked.Exchange(ref _startWarned, 1) == 1)
            return;
        foreach (var warning in MachineState.Warnings)
            observer.Warn(warning);
    }

    /// <summary>The reading just before a request; null before the meter started.</summary>
    internal CpuReading? BeginWindow() => _cost?.BeginWindow();

    /// <summary>The request's harness cost; null without a begin reading.</summary>
    public CaseHarnessCost? EndWindow(CpuReading? begin, CompletionResult completion) =>
        begin is { } reading && _cost is { } cost ? cost.EndWindow(reading, completion) : null;

    /// <summary>A warm-up request's engine CPU, which is the model's, not the harness's.</summary>
    public void AddEngine(CompletionResult completion) => _cost?.AddEngine(completion);

    /// <summary>At the run's end: the machine's state at the end (its new warnings told to <paramref name="observer"/>) and the harness's cost.</summary>
    public async Task FinishAsync(IReadOnlyList<CaseRecord> records, BenchOptions options, IPowerMeter? meter, IRunObserver? observer, CancellationToken cancellationToken)
    {
        if (MachineState is { } start)
        {
            MachineState = await _machine.FinishAsync(start, meter?.Samples ?? [], cancellationToken).ConfigureAwait(false);
            WarnAtStart(observer);
            foreach (var warning in MachineState.Warnings.Skip(start.Warnings.Count))
                observer?.Warn(warning);
        }

        if (_cost is not null && meter is not null)
            Cost = await _cost.FinishAsync(records, options, meter.Provenance, cancellationToken).ConfigureAwait(false);
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Records a run's machine state (<see cref="MachineState"/>): <see cref="BeginAsync"/> as the run opens (first reading of
/// the process table), <see cref="StartAsync"/> just before the meter starts (the other processes' CPU since then, power
/// source, governors, throttle counters), <see cref="FinishAsync"/> when the run ends (power source and throttle counters
/// again, thermal pressure over the meter's samples).
/// </summary>
public sealed class MachineStateProbe
{
    /// <summary>The shortest sample of other processes' CPU use, s: long enough for 100 Hz CPU-time ticks to tell 1% of a core.</summary>
    public const double MinimumSampleS = 0.5;

    private readonly MachineSources _sources;
    private readonly MachineActivitySampler _activity;

    private MachineStateProbe(MachineSources sources, MachineActivitySampler activity)
    {
        _sources = sources;
        _activity = activity;
    }

    /// <summary>Takes the first reading of the process table (this process, <paramref name="selfPid"/>, and its children are not "other").</summary>
    public static async Task<MachineStateProbe> BeginAsync(MachineSources sources, int selfPid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return new MachineStateProbe(sources, await MachineActivitySampler.BeginAsync(sources, selfPid, Environment.ProcessorCount, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The state at the start, with its warnings (on battery, not quiet).</summary>
    public async Task<MachineState> StartAsync(CancellationToken cancellationToken)
    {
        var activity = await _activity.EndAsync(MinimumSampleS, cancellationToken).ConfigureAwait(false);
        var power = await PowerSourceReader.ReadAsync(_sources, cancellationToken).ConfigureAwait(false);
        return new MachineState(power, null, CpuGovernors.Read(_sources.CpuRoot), ThrottleCounters.Read(_sources.CpuRoot), null, activity, null,
            MachineWarnings.AtStart(power, activity));
    }

    /// <summary>The state at the end: <paramref name="start"/> with the end's power source and throttle counters, the thermal pressure of <paramref name="samples"/>, and every warning.</summary>
    public async Task<MachineState> FinishAsync(MachineState start, IEnumerable<MeterSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var state = start with
        {
            PowerAtEnd = await PowerSourceReader.ReadAsync(_sources, cancellationToken).ConfigureAwait(false),
            ThrottleCountAtEnd = ThrottleCounters.Read(_sources.CpuRoot),
            ThermalPressure = ThermalPressure.Of(samples),
        };
        return state with { Warnings = [.. start.Warnings, .. MachineWarnings.AtEnd(state)] };
    }
}

using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Each unit's preparation, once, before its first measured request: <c>Protocol:WarmupRequests</c> unmeasured requests at the unit's
/// point, then its idle power (<c>Protocol:IdleSeconds</c>), the reference of its net energies and of the idle-attributed edge rule.
/// </summary>
/// <param name="routing">Where each unit's requests go.</param>
/// <param name="meter">The run's meter.</param>
/// <param name="clock">The session clock.</param>
/// <param name="options">The run's configuration.</param>
/// <param name="state">The run's state (backend answers and failures, idle measurements).</param>
/// <param name="watch">The harness's own cost (warm-up engine time), or null.</param>
/// <param name="warn">Tells the user something (idle drift).</param>
/// <param name="pauseS">The idle pause before an idle window, s.</param>
internal sealed class UnitWarmups(UnitRouting routing, IPowerMeter meter, SessionClock clock, BenchOptions options, RunState state, HarnessWatch? watch,
    Action<string> warn, double pauseS)
{
    private readonly Dictionary<string, Task> _warmups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdleMeasurement> _idle = new(StringComparer.Ordinal);

    /// <summary>Unit <paramref name="label"/>'s idle power, once its warm-up measured it; else null (edges pro rata, no net figures).</summary>
    public IdleMeasurement? IdleOf(string label) => _idle.GetValueOrDefault(label);

    /// <summary>Warms unit <paramref name="label"/> up, the first time only (later calls return the same task); throws <see cref="BackendException"/> when a warm-up request fails.</summary>
    public Task WarmUpAsync(string label, CancellationToken cancellationToken)
    {
        if (!_warmups.TryGetValue(label, out var warmup))
        {
            warmup = WarmUpCoreAsync(label, cancellationToken);
            _warmups[label] = warmup;
        }

        return warmup;
    }

    /// <summary>
    /// <c>Protocol:WarmupRequests</c> unmeasured requests with <c>Protocol:WarmupPrompt</c> (never a dataset prompt, so a dataset prompt the
    /// server cannot answer fails only its own case), then the unit's idle measurement. A failure says which request, which prompt and the
    /// backend's answer, and fails every case of the unit.
    /// </summary>
    private async Task WarmUpCoreAsync(string label, CancellationToken cancellationToken)
    {
        var p = options.Protocol;
        for (var i = 0; i < p.WarmupRequests; i++)
        {
            try
            {
                var (backend, served) = routing.BackendOf(label);
                watch?.AddEngine(await backend.CompleteAsync(routing.Request(label, served, p.WarmupPrompt), cancellationToken).ConfigureAwait(false));
                state.BackendAnswered();
            }
            catch (BackendException e)
            {
                state.BackendFailed($"the warm-up of {label}", e.Message);
                var shown = p.WarmupPrompt.Length <= 100 ? p.WarmupPrompt : string.Concat(p.WarmupPrompt.AsSpan(0, 100), "...");
                throw new BackendException($"warm-up request {i + 1} of {p.WarmupRequests} to '{label}' (Protocol:WarmupPrompt \"{shown}\") failed, " +
                                           $"so none of its cases can be measured: {e.Message}", e);
            }
        }

        // Idle with the model loaded and nothing generating: the reference for this unit's net energies.
        if (p.IdleSeconds > 0 && await MeasureIdleAsync($"before {label}", cancellationToken).ConfigureAwait(false) is { } idle)
        {
            _idle[label] = idle;
            if (IdleDrift.Check(state.EarlierIdle, idle, p.IdleDriftPercent) is { } drift)
                warn(drift);
        }
    }

    /// <summary>After the idle pause, waits <c>Protocol:IdleSeconds</c> and measures that window as <paramref name="label"/>; null (no net figures) when the meter cannot cover it.</summary>
    public async Task<IdleMeasurement?> MeasureIdleAsync(string label, CancellationToken cancellationToken)
    {
        await clock.DelayAsync(pauseS, cancellationToken).ConfigureAwait(false);
        var startS = clock.Now;
        await clock.DelayAsync(options.Protocol.IdleSeconds, cancellationToken).ConfigureAwait(false);
        try
        {
            var idle = IdleMeasurement.From(label, await meter.MeasureAsync(startS, clock.Now, cancellationToken).ConfigureAwait(false));
            state.AddIdle(idle);
            return idle;
        }
        catch (MeterException)
        {
            return null;
        }
    }
}

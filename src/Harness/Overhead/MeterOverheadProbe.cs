using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// Measures <see cref="MeterOverhead"/>: before the run's own meter starts, three idle phases of <c>Protocol:MeterOverheadSeconds</c>
/// each, with a meter created for the phase at the slow interval, the run's, then the slow again. Each meter is started, given
/// two of its intervals to settle, measures its idle window and is stopped before the next starts, so only one samples at a time.
/// </summary>
public static class MeterOverheadProbe
{
    /// <summary>
    /// The slow interval, ms: 1 s, ten times fewer wake-ups than the default 100 ms, and still at least five whole samples in the shortest
    /// allowed phase (5 s).
    /// </summary>
    public const int SlowIntervalMs = 1000;

    /// <summary>The shortest phase allowed, s.</summary>
    public const double MinimumPhaseS = 5;

    /// <param name="meterAt">Creates the run's kind of meter sampling at a given interval (ms), not started.</param>
    /// <param name="fastIntervalMs">The run's interval, ms.</param>
    /// <param name="phaseS">Seconds of each phase's idle window.</param>
    /// <param name="clock">The session timeline.</param>
    /// <param name="cancellationToken">Cancels the measurement (the meters are stopped).</param>
    public static async Task<MeterOverhead> MeasureAsync(Func<int, CancellationToken, Task<IPowerMeter>> meterAt, int fastIntervalMs, double phaseS,
        SessionClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meterAt);
        ArgumentNullException.ThrowIfNull(clock);
        var phases = new List<MeterOverheadPhase>();
        var method = EnergyMethod.Measured;
        foreach (var interval in new[] { SlowIntervalMs, fastIntervalMs, SlowIntervalMs })
        {
            var (phase, phaseMethod) = await PhaseAsync(meterAt, interval, phaseS, clock, cancellationToken).ConfigureAwait(false);
            phases.Add(phase);
            method = EnergyMethodText.Combine([method, phaseMethod]);
        }

        double? overhead = phases.All(p => p.PowerW is not null)
            ? phases[1].PowerW!.Value - ((phases[0].PowerW!.Value + phases[2].PowerW!.Value) / 2)
            : null;
        var formula = string.Create(CultureInfo.InvariantCulture,
            $"idle power (total) over {phaseS:0.#} s with the meter sampling every {fastIntervalMs} ms, minus the mean of the same before and after with it sampling every {SlowIntervalMs} ms; one meter at a time, each started for its phase and given two intervals to settle");
        return new MeterOverhead(fastIntervalMs, SlowIntervalMs, phaseS, phases, overhead, method, formula);
    }

    private static async Task<(MeterOverheadPhase Phase, EnergyMethod Method)> PhaseAsync(Func<int, CancellationToken, Task<IPowerMeter>> meterAt, int intervalMs,
        double phaseS, SessionClock clock, CancellationToken cancellationToken)
    {
        var meter = await meterAt(intervalMs, cancellationToken).ConfigureAwait(false);
        await using (meter.ConfigureAwait(false))
        {
            var startS = clock.Now;
            try
            {
                await meter.StartAsync(cancellationToken).ConfigureAwait(false);
                await clock.DelayAsync(2 * intervalMs / 1000.0, cancellationToken).ConfigureAwait(false);
                startS = clock.Now;
                await clock.DelayAsync(phaseS, cancellationToken).ConfigureAwait(false);
                var window = await meter.MeasureAsync(startS, clock.Now, cancellationToken).ConfigureAwait(false);
                double? power = window.Domains.TryGetValue(Domains.Total, out var total) ? total.AveragePowerW : null;
                return (new MeterOverheadPhase(intervalMs, window.StartS, window.EndS, power, window.SampleCount, power is null ? "the meter gave no total" : null), meter.Provenance.Method);
            }
            catch (MeterException e)
            {
                return (new MeterOverheadPhase(intervalMs, startS, clock.Now, null, 0, e.Message), meter.Provenance.Method);
            }
        }
    }
}

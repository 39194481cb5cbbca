using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// A case's prefill and decode energy once its window is measured: the split at the first token (<see cref="FirstTokenSplit"/>)
/// for a backend that streams, and with <c>Protocol:PrefillPass</c> the prefill pass (<see cref="PrefillPassRunner"/>) for a
/// case that passed. Works with any meter and any backend; what cannot be done is recorded with its reason.
/// </summary>
/// <param name="meter">The run's meter (the case's window came from it).</param>
/// <param name="clock">The session clock.</param>
/// <param name="options">The run's options (<c>Protocol:PrefillPass</c>, the generation settings, <c>Meter:MinCoverage</c>).</param>
/// <param name="pauseS">The idle pause before a measured request, s (the session's).</param>
public sealed class PhaseMeter(IPowerMeter meter, SessionClock clock, BenchOptions options, double pauseS)
{
    /// <summary>
    /// The phases of <paramref name="record"/> (its completion and energy set) measured over <paramref name="window"/> (as
    /// recorded: edges idle-attributed when <paramref name="idle"/> is given), its prefill pass sent to <paramref name="backend"/>.
    /// </summary>
    public async Task<CasePhases> MeasureAsync(ICompletionBackend backend, CaseRecord record, WindowEnergy window, IdleMeasurement? idle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(window);
        var completion = record.Completion ?? throw new ArgumentException("the case has no completion to split", nameof(record));
        var (split, splitMissing) = await FirstTokenSplit.MeasureAsync(meter, completion, window, idle, cancellationToken).ConfigureAwait(false);
        var phases = new CasePhases { Split = split, SplitMissing = splitMissing };
        if (!options.Protocol.PrefillPass)
            return phases;
        if (record.Outcome != "passed")
            return phases with { PassMissing = "not run: the case itself failed" };
        var (pass, passMissing) = await new PrefillPassRunner(meter, clock, options, pauseS)
            .RunAsync(backend, record, window, idle, cancellationToken).ConfigureAwait(false);
        return phases with { Pass = pass, PassMissing = passMissing };
    }
}

using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Measures one request alone (a point with one request in flight): the request timed by the client, its window's energy from the run's
/// meter (edges idle-attributed when the unit's idle is known, else pro rata), the checks a valid measurement needs, then its prefill and
/// decode phases (<see cref="Phases.PhaseMeter"/>).
/// </summary>
/// <param name="routing">Where each unit's requests go.</param>
/// <param name="meter">The run's meter.</param>
/// <param name="clock">The session clock.</param>
/// <param name="options">The run's configuration.</param>
/// <param name="state">The run's state (backend answers and failures).</param>
/// <param name="watch">The harness's own CPU per request, or null.</param>
/// <param name="pauseS">The idle pause before a prefill pass, s.</param>
internal sealed class CaseMeasurer(UnitRouting routing, IPowerMeter meter, SessionClock clock, BenchOptions options, RunState state, HarnessWatch? watch, double pauseS)
{
    /// <summary>Measures <paramref name="record"/>'s request; returns the record passed, or failed with its problems (backend, meter, validation).</summary>
    /// <param name="record">The unmeasured record (unit, prompt, point).</param>
    /// <param name="idle">The unit's idle power, or null.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public async Task<CaseRecord> MeasureAsync(CaseRecord record, IdleMeasurement? idle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        CompletionResult completion;
        var cpu = watch?.BeginWindow();
        var (backend, served) = routing.BackendOf(record.Unit);
        try
        {
            completion = await backend.CompleteAsync(routing.Request(record.Unit, served, record.PromptText), cancellationToken).ConfigureAwait(false);
            state.BackendAnswered();
        }
        catch (BackendException e)
        {
            state.BackendFailed(CaseKey.Of(record).ToString(), e.Message);
            return record with { Problems = [e.Message] };
        }

        record = Answered(record, completion, watch?.EndWindow(cpu, completion));

        WindowEnergy window;
        try
        {
            window = await meter.MeasureAsync(completion.StartS, completion.EndS, cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            return record with { Problems = [e.Message] };
        }

        // Edge samples are split by this unit's idle power when it was measured (EdgeAttribution), else pro rata.
        if (idle is not null)
            window = EdgeAttribution.Apply(window, idle.PowerW);
        var problems = CaseValidator.Check(completion, window, options.Meter);
        record = record with
        {
            Energy = new CaseEnergy(meter.Provenance with { EdgeRule = EdgeRules.Describe(window.EdgeRule) }, window) { Idle = idle, NetJoules = idle?.Net(window) },
            Problems = problems,
            Outcome = problems.Count == 0 ? "passed" : "failed",
        };
        var phases = new Phases.PhaseMeter(meter, clock, options, pauseS);
        return record with { Phases = await phases.MeasureAsync(backend, record, window, idle, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// <paramref name="record"/> with its request's answer: the completion, the harness's CPU over the request (<paramref name="harness"/>,
    /// null without a watch), and the rates over the harness's wall time (completion tokens/s, words/s; null without a count).
    /// </summary>
    internal static CaseRecord Answered(CaseRecord record, CompletionResult completion, Overhead.CaseHarnessCost? harness) => record with
    {
        Harness = harness,
        Completion = completion,
        TokensPerSecond = completion.CompletionTokens / completion.WallSeconds,
        WordsPerSecond = completion.WordCount / completion.WallSeconds,
    };
}

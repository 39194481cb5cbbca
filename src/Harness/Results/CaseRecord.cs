using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>One line of <c>cases.jsonl</c>: one model x prompt measurement, valid or not.</summary>
public sealed record CaseRecord
{
    public required string RunId { get; init; }

    public required string Model { get; init; }

    /// <summary>The runtime that ran the case in a multi-runtime run (<see cref="Configuration.RuntimeOptions.Name"/>); null in a run of one runtime.</summary>
    public string? Runtime { get; init; }

    /// <summary>
    /// The sweep point the case was measured at (its settings and load: <see cref="Sweeps.SweepPoint"/>); null in records written
    /// before sweeps existed, which were measured at the run's one setting, one request at a time.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Sweeps.SweepPoint? Point { get; init; }

    /// <summary>The unit the case belongs to: <see cref="Model"/>, <c>runtime / model</c>, with its point's label when the run sweeps (<see cref="Runtimes.RunUnit.Label"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Unit => new Runtimes.RunUnit(Runtime, Model, Point).Label;

    public required int PromptOrdinal { get; init; }

    public required int PromptDatasetIndex { get; init; }

    /// <summary>Which repetition of this model x prompt (1-based).</summary>
    public int Repetition { get; init; } = 1;

    /// <summary>The run segment that measured this case (<see cref="RunSegment.Number"/>): 1 unless the run was resumed.</summary>
    public int Segment { get; init; } = 1;

    public required string PromptText { get; init; }

    /// <summary><c>passed</c> when the measurement is valid, else <c>failed</c> with <see cref="Problems"/>.</summary>
    public required string Outcome { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// True when the backend is a stand-in that the suite ships (the <c>fake</c> profile's fake GPT4All): the text,
    /// token counts and timings are simulated. Flagged apart from the energy's method, which says whether the meter is.
    /// </summary>
    public bool BackendSimulated { get; init; }

    public CompletionResult? Completion { get; init; }

    /// <summary>Completion tokens per second of harness wall time.</summary>
    public double? TokensPerSecond { get; init; }

    /// <summary>Words (not characters) per second of harness wall time.</summary>
    public double? WordsPerSecond { get; init; }

    public CaseEnergy? Energy { get; init; }

    /// <summary>
    /// The request's energy split into prefill and decode (<see cref="Phases.CasePhases"/>: at the first token, and with
    /// <c>Protocol:PrefillPass</c> by a prefill pass); null when the case has no energy window, and in records written before it existed.
    /// </summary>
    public Phases.CasePhases? Phases { get; init; }

    /// <summary>The harness's own CPU during the request (see <see cref="Overhead.CaseHarnessCost"/>); null when no request was sent, and in records written before it was recorded.</summary>
    public Overhead.CaseHarnessCost? Harness { get; init; }
}

/// <summary>
/// A request window's energy and where it came from: <see cref="Window"/> is gross; <see cref="NetJoules"/> is
/// net of the model's idle power (<see cref="Idle"/>), per domain, when idle was measured.
/// </summary>
public sealed record CaseEnergy(EnergyProvenance Provenance, WindowEnergy Window)
{
    public IdleMeasurement? Idle { get; init; }

    /// <summary>
    /// Set when the request overlapped others (a point with more than one request in flight): <see cref="Window"/> then spans the
    /// request's own start and end, but its joules (gross and net) are this request's share of the point's window
    /// (<see cref="Sweeps.EnergyAttribution"/> says by which rule), not the whole machine's energy over those seconds.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Sweeps.EnergyAttribution? Attribution { get; init; }

    public IReadOnlyDictionary<string, double>? NetJoules { get; init; }
}

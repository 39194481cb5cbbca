using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>What <c>run.json</c> holds: everything needed to know how a run's numbers were obtained.</summary>
public sealed record RunManifest
{
    public required string RunId { get; init; }

    public required string Profile { get; init; }

    public required string ProfileChosenBy { get; init; }

    public required IReadOnlyList<string> Overrides { get; init; }

    public required BenchOptions Configuration { get; init; }

    public required MachineInfo Machine { get; init; }

    public required BackendInfo Backend { get; init; }

    /// <summary>The runtimes of a multi-runtime run (<see cref="BenchOptions.Runtimes"/>), with the settings each revealed; null in a run of one runtime.</summary>
    public IReadOnlyList<RuntimeInfo>? Runtimes { get; init; }

    public required EnergyProvenance Meter { get; init; }

    /// <summary>Why this meter: configured, or what <c>Meter:Kind = auto</c> found and rejected.</summary>
    public string? MeterChosenBy { get; init; }

    /// <summary>The model files an in-process engine ran, with content hashes; <c>synthetic</c> marks generated reference models.</summary>
    public IReadOnlyList<Embedded.ModelFile>? ModelFiles { get; init; }

    public required PromptSource Prompts { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>
    /// <c>running</c> (rewritten after every case while the run goes), <c>completed</c>, <c>completed with failures: ...</c>,
    /// <c>interrupted: why</c> (its runner died, SIGTERM, SIGHUP), <c>cancelled: why</c> (Ctrl-C) or <c>failed: reason</c>.
    /// A run killed without a chance to write (SIGKILL, a crash, a power loss) stays <c>running</c>: readers call it
    /// interrupted when no live process holds the run (<see cref="Lifetime.RunLock.IsHeldFor"/>).
    /// </summary>
    public required string Status { get; init; }

    /// <summary>When run.json was last written (after the last case, at a status change).</summary>
    public DateTimeOffset? UpdatedUtc { get; init; }

    /// <summary>Cases the configuration plans (models x repetitions x prompts; <see cref="Suite.CasePlan"/>); 0 in runs older than this field.</summary>
    public int CasesPlanned { get; init; }

    /// <summary>Cases with a record whose outcome is passed (a case re-measured on resume counts once, as its last record).</summary>
    public int CasesPassed { get; init; }

    public int CasesFailed { get; init; }

    /// <summary>The last case recorded, in words (e.g. <c>Llama 3.2 1B Instruct / prompt 3, run 1: passed</c>).</summary>
    public string? LastCase { get; init; }

    /// <summary>Idle power before each model and after the last case, in every segment (the last one shows drift over the run).</summary>
    public IReadOnlyList<IdleMeasurement> Idle { get; init; } = [];

    /// <summary>The run's segments: its first start and each resumption, in order. Empty in runs older than this field.</summary>
    public IReadOnlyList<RunSegment> Segments { get; init; } = [];

    /// <summary>What the user was warned of while the run went (idle drift between segments, a prompts file changed, ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The machine's state: power source, other processes' load, governors, thermal pressure, and the warnings they gave.</summary>
    public Machine.MachineState? MachineState { get; init; }

    /// <summary>The harness's own CPU cost over the run and its windows, in CPU seconds and estimated joules; written when the run ends.</summary>
    public Overhead.RunHarnessCost? HarnessCost { get; init; }

    /// <summary>The meter's own power (<c>Protocol:MeterOverheadSeconds</c> &gt; 0); null when not measured.</summary>
    public Overhead.MeterOverhead? MeterOverhead { get; init; }
}

/// <summary>The backend a run used.</summary>
/// <param name="Name">The backend's name (e.g. GPT4All, llama.cpp in process).</param>
/// <param name="Location">Where it ran (a URL, or a process).</param>
/// <param name="Endpoint">The configured endpoint.</param>
/// <param name="Availability"><c>available</c> while every request was answered; else how many requests failed and the first failure
/// (e.g. <c>available at the start; 12 of 36 requests failed, the first at Llama 3.2 1B Instruct / prompt 7: connection refused</c>).</param>
public sealed record BackendInfo(string Name, string Location, string Endpoint, string Availability);

/// <summary>Where the prompts came from.</summary>
public sealed record PromptSource(string Source, string Sha256, int DatasetItems, string Selection, int Count);

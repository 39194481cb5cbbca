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

    public required EnergyProvenance Meter { get; init; }

    /// <summary>Why this meter: configured, or what <c>Meter:Kind = auto</c> found and rejected.</summary>
    public string? MeterChosenBy { get; init; }

    /// <summary>The model files an in-process engine ran, with content hashes; <c>synthetic</c> marks generated reference models.</summary>
    public IReadOnlyList<Embedded.ModelFile>? ModelFiles { get; init; }

    public required PromptSource Prompts { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary><c>running</c>, <c>completed</c>, or <c>failed: reason</c>.</summary>
    public required string Status { get; init; }

    public int CasesPassed { get; init; }

    public int CasesFailed { get; init; }

    /// <summary>Idle power before each model and after the last case (the last one shows drift over the run).</summary>
    public IReadOnlyList<IdleMeasurement> Idle { get; init; } = [];

    /// <summary>The machine's state: power source, other processes' load, governors, thermal pressure, and the warnings they gave.</summary>
    public Machine.MachineState? MachineState { get; init; }

    /// <summary>The harness's own CPU cost over the run and its windows, in CPU seconds and estimated joules; written when the run ends.</summary>
    public Overhead.RunHarnessCost? HarnessCost { get; init; }

    /// <summary>The meter's own power (<c>Protocol:MeterOverheadSeconds</c> &gt; 0); null when not measured.</summary>
    public Overhead.MeterOverhead? MeterOverhead { get; init; }
}

/// <summary>The backend a run used.</summary>
public sealed record BackendInfo(string Name, string Location, string Endpoint, string Availability);

/// <summary>Where the prompts came from.</summary>
public sealed record PromptSource(string Source, string Sha256, int DatasetItems, string Selection, int Count);

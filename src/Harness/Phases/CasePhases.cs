namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// A case's prefill and decode energy (<see cref="Results.CaseRecord.Phases"/>): the split of its own window at the first
/// token, and, with <c>Protocol:PrefillPass</c>, the prefill pass beside it. A method that could not be applied is null with
/// the reason in its <c>...Missing</c> property.
/// </summary>
public sealed record CasePhases
{
    /// <summary>The request's window split at its first token (<see cref="PhaseNames.SplitAtFirstToken"/>); null when it could not be split.</summary>
    public PhaseSplit? Split { get; init; }

    /// <summary>Why there is no <see cref="Split"/> (e.g. the backend does not stream, so the first token's time is unknown); null when there is one.</summary>
    public string? SplitMissing { get; init; }

    /// <summary>The prefill pass and the decode it leaves (<see cref="PhaseNames.PrefillPass"/>); null when not run or it failed.</summary>
    public PhaseSplit? Pass { get; init; }

    /// <summary>Why there is no <see cref="Pass"/>: <c>Protocol:PrefillPass</c> is off, the case failed, or the pass's request or window failed; null when there is one.</summary>
    public string? PassMissing { get; init; }
}

namespace SlmEnergyBench.Harness.Phases;

/// <summary>
/// One request's energy split into <see cref="Prefill"/> and <see cref="Decode"/> by <see cref="Method"/>
/// (<see cref="PhaseNames.SplitAtFirstToken"/> or <see cref="PhaseNames.PrefillPass"/>).
/// </summary>
/// <param name="Method">How the phases were told apart.</param>
/// <param name="EdgeRule">How samples at each window's edges were split, in words.</param>
/// <param name="Prefill">The prefill phase.</param>
/// <param name="Decode">The decode phase.</param>
public sealed record PhaseSplit(string Method, string EdgeRule, PhaseEnergy Prefill, PhaseEnergy Decode)
{
    /// <summary>Caveats about this split (e.g. the edge rule was not applied because the time outside a window was not idle); null when none.</summary>
    public string? Note { get; init; }
}

namespace SlmEnergyBench.Harness.Metering;

/// <summary>The rules by which the energy of a sample that straddles a window's edge is split (stored as <see cref="WindowEnergy.EdgeRule"/>).</summary>
public static class EdgeRules
{
    /// <summary>
    /// <c>pro-rata</c>: the part of an edge sample inside the window gets the sample's average power
    /// (energy x inside / duration). Puts idle power into a busy window at both edges, so it under-counts
    /// short requests; used only when no idle power was measured.
    /// </summary>
    public const string ProRata = "pro-rata";

    /// <summary>
    /// <c>idle-attributed</c>: the part of an edge sample outside the window is charged at the idle power measured
    /// for the model (per domain), the rest of the sample's energy is inside the window (clamped to [0, the
    /// sample's energy]). Right when the time just outside a request is idle, which the protocol ensures (an idle
    /// pause of at least two meter intervals before each request, nothing after it until the next pause).
    /// </summary>
    public const string IdleAttributed = "idle-attributed";

    /// <summary>One sentence for provenance and reports: what <paramref name="rule"/> does.</summary>
    public static string Describe(string rule) => rule switch
    {
        ProRata => "window edges pro rata: the part of a sample straddling an edge that lies inside the window is counted at that sample's average power (no idle power was measured to do better).",
        IdleAttributed => "window edges idle-attributed: of a sample straddling an edge, the part outside the window is charged at the idle power measured for the model (per domain) and the rest of its energy is inside; the plain pro-rata figure is kept beside it (proRataJoules).",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, $"unknown edge rule (known: {ProRata}, {IdleAttributed})"),
    };
}

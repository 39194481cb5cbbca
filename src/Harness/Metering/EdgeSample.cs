namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// A meter sample that straddles an edge of a window: only <see cref="InsideS"/> seconds of its
/// [<see cref="StartS"/>, <see cref="EndS"/>] lie inside the window. Its energy is known only as a whole
/// (<see cref="EnergyJ"/>, joules per domain), so how much of it belongs inside needs a rule (see <see cref="EdgeAttribution"/>).
/// </summary>
/// <param name="StartS">Start of the sample on the session timeline, seconds.</param>
/// <param name="EndS">End of the sample, seconds.</param>
/// <param name="InsideS">Seconds of the sample inside the window (0 &lt; InsideS &lt; EndS - StartS).</param>
/// <param name="EnergyJ">The whole sample's energy per domain, joules (as the meter reported it).</param>
public sealed record EdgeSample(double StartS, double EndS, double InsideS, IReadOnlyDictionary<string, double> EnergyJ)
{
    /// <summary>Length of the sample, seconds.</summary>
    public double DurationS => EndS - StartS;

    /// <summary>Seconds of the sample outside the window.</summary>
    public double OutsideS => DurationS - InsideS;

    /// <summary>
    /// For the sample straddling the window's start, the whole sample before it (in the idle pause before the request),
    /// when the meter had one; null otherwise. Its power tells whether the time outside the window was idle.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public MeterSample? OutsideNeighbour { get; init; }
}

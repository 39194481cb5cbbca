namespace SlmEnergyBench.Harness.Sweeps;

/// <summary>
/// How an overlapping request's energy was attributed: its <paramref name="Share"/> (0 to 1) of the point's window
/// [<paramref name="PointStartS"/>, <paramref name="PointEndS"/>] (session clock, s), whose energy per domain was
/// <paramref name="PointJoules"/> (J, gross, under the window's edge rule), shared by <paramref name="Rule"/>. The shares of a point's
/// requests sum to 1, so their attributed joules sum to the window's.
/// </summary>
public sealed record EnergyAttribution(string Rule, double Share, double PointStartS, double PointEndS, IReadOnlyDictionary<string, double> PointJoules)
{
    /// <summary>The rule in words, recorded with every attributed figure.</summary>
    public const string ByActiveTime =
        "each meter sample's energy inside the point's window is shared among the requests active during it in proportion to the seconds " +
        "each was active in it (a request is active from sending to its last byte); a sample with no request active (a gap between one " +
        "request and the next) is shared like the whole window";
}

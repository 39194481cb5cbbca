namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// The shaded request windows of a power-over-time chart: one band per window, or, where consecutive windows of the same
/// outcome are closer than <c>minGapS</c> (less than a pixel apart on the chart), one band over them, so a long run's chart
/// draws what a screen can show rather than thousands of sub-pixel shapes (a 10,000-case report's four power charts held
/// 10,000 spans, about 5.5 MB of the page).
/// </summary>
/// <param name="Bands">(start, end, passed) of each band on the session timeline, s, in time order.</param>
/// <param name="Merged">Whether a band covers more than one window.</param>
public sealed record RequestBands(IReadOnlyList<(double StartS, double EndS, bool Passed)> Bands, bool Merged)
{
    /// <summary>
    /// Bands of <paramref name="windows"/> (start, end, passed), which must be in time order: windows of the same outcome whose gap
    /// is under <paramref name="minGapS"/> (s, at least 0) become one band.
    /// </summary>
    public static RequestBands Of(IReadOnlyList<(double StartS, double EndS, bool Passed)> windows, double minGapS)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfNegative(minGapS);
        var bands = new List<(double StartS, double EndS, bool Passed)>(windows.Count);
        foreach (var w in windows)
        {
            if (bands.Count > 0 && bands[^1].Passed == w.Passed && w.StartS - bands[^1].EndS < minGapS)
                bands[^1] = (bands[^1].StartS, Math.Max(bands[^1].EndS, w.EndS), w.Passed);
            else
                bands.Add(w);
        }

        return new RequestBands(bands, bands.Count < windows.Count);
    }
}

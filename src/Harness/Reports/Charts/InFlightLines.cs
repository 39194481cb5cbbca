using SlmEnergyBench.Harness.Reports.Sweep;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>The lines of the charts along requests in flight: one per runtime x model (and other settings), points ordered by requests in flight.</summary>
internal static class InFlightLines
{
    /// <summary>
    /// The run's lines with each point's mark (<paramref name="mark"/>; a point it returns null for is left out); empty when the run has
    /// no overlapping point and one in-flight count only (no axis to draw along).
    /// </summary>
    public static IReadOnlyList<SweepLine> Of(RunData run, Func<SweepRow, SweepMark?> mark)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = SweepRows.Of(run);
        if (!rows.Any(r => r.Point.Overlaps) && rows.Select(r => r.Point.InFlight).Distinct().Count() < 2)
            return [];
        return
        [
            .. SweepSeries.Along(rows, p => p.InFlight, SweepSeries.AllButLoad)
                .Select(s => new SweepLine(s.Label, s.ColorIndex, s.Variant, [.. s.Rows.Select(mark).OfType<SweepMark>()]))
                .Where(l => l.Points.Count > 0),
        ];
    }

    /// <summary>The label of a point: its requests in flight, e.g. <c>8</c>.</summary>
    public static string Label(SweepRow row) => row.Point.InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// One line of a sweep chart as plotted: its legend label, its colour (the runtime x model's index), its variant (the model's line
/// number: its pattern, <see cref="SweepMarks.Pattern"/>) and its points in order.
/// </summary>
internal sealed record SweepLine(string Label, int ColorIndex, int Variant, IReadOnlyList<SweepMark> Points);

/// <summary>
/// One point of a sweep line: <paramref name="X"/> and <paramref name="Y"/> in the chart's units (not log-transformed),
/// <paramref name="Steady"/> true when <paramref name="Y"/> is a steady-state figure (drawn filled) rather than the point's whole
/// window or ratio of totals (drawn open), and the <paramref name="Label"/> written beside it (may be empty).
/// </summary>
internal sealed record SweepMark(double X, double Y, bool Steady, string Label);

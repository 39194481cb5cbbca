namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>One bar of a merged chart: one machine's figure for one model.</summary>
/// <param name="ModelIndex">The model's group on the category axis (its place in <see cref="MergedRuns.Models"/>).</param>
/// <param name="Machine">The machine: the bar's colour and legend entry.</param>
/// <param name="Value">The figure (a mean, or a ratio of totals).</param>
/// <param name="CiLow">The 95% interval's low end; null when the figure has no interval (a ratio of totals, or fewer than two values).</param>
/// <param name="CiHigh">The 95% interval's high end; null with <paramref name="CiLow"/>.</param>
/// <param name="Mark">The figure's method mark (<c>~</c> for an estimate), before its value label.</param>
internal sealed record MachineBar(int ModelIndex, MergedMachine Machine, double Value, double? CiLow, double? CiHigh, string Mark)
{
    /// <summary>The top of the bar and its error bar, where its value label goes.</summary>
    public double Top => CiHigh is { } high ? Math.Max(Value, high) : Value;
}

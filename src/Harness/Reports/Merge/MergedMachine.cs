using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// One run of a merged report: one machine (one series of every chart, one value of the Machine column). Its figures are the
/// run's own (<see cref="RunData.Summary"/>), never pooled with another machine's.
/// </summary>
/// <param name="Index">Its place among the merged machines, from 0: its colour in every chart (<see cref="Charts.ChartPalette.ForModel"/>).</param>
/// <param name="Label">Its label, distinct among the merged machines (<see cref="MachineLabels"/>, or the user's <c>--label</c>).</param>
/// <param name="Given">The run as the user gave it (a folder path or a run id).</param>
/// <param name="Run">The run read back (<see cref="RunDataReader"/>).</param>
public sealed record MergedMachine(int Index, string Label, string Given, RunData Run)
{
    /// <summary>The run's meter as <c>run.json</c> states it: name, domains, method, source.</summary>
    public EnergyProvenance Meter => Run.Manifest.Meter;

    /// <summary>The run's method as a whole (<see cref="RunData.Method"/>: the least trustworthy of its figures').</summary>
    public EnergyMethod Method => Run.Method;

    /// <summary>
    /// The label a chart's legend shows: <see cref="Label"/>, followed by the method in parentheses unless the label already
    /// holds it (an automatic label does), e.g. <c>Lab box (SIMULATED)</c>, so a reader sees the method beside every series.
    /// </summary>
    public string Legend
    {
        get
        {
            var method = $"({MachineLabels.MethodWord(Method)})";
            return Label.Contains(method, StringComparison.OrdinalIgnoreCase) ? Label : $"{Label} {method}";
        }
    }

    /// <summary>The meter's domains other than total, joined with " + " (e.g. <c>cpu + gpu + ane</c>), or <c>total</c> when it reports only a total.</summary>
    public string Components => ReportText.Components(Meter) is { Length: > 0 } parts ? parts : Domains.Total;
}

using ScottPlot;
using ScottPlot.Plottables;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// A merged chart: a group per model, a bar per machine in the machine's colour (the same colour in every chart,
/// <see cref="ChartPalette.ForModel"/> by machine), each with its 95% interval as an error bar where it has one and its value
/// above it; a legend of the machines, each entry saying its method (<see cref="MergedMachine.Legend"/>). A machine without a
/// figure for a model leaves a gap in that group, never another machine's value.
/// </summary>
internal static class MachineBarChart
{
    public const int Width = 960;
    public const int Height = 600;

    /// <summary>Draws the chart; null when no bar has a value. Its series are the machines' legends, in machine order.</summary>
    public static RenderedChart? Render(
        string fileStem, string title, string yLabel, string unit, string caption, IReadOnlyList<string> models, IReadOnlyList<MergedMachine> machines, IReadOnlyList<MachineBar> bars)
    {
        if (bars.Count == 0)
            return null;
        var width = 0.8 / machines.Count;
        double Position(MachineBar b) => b.ModelIndex - 0.4 + (width * (b.Machine.Index + 0.5));

        var plot = ChartCanvas.Create(title, "Model", yLabel);
        plot.Add.Bars(bars.Select(b => new Bar
        {
            Position = Position(b),
            Value = b.Value,
            FillColor = ChartPalette.ForModel(b.Machine.Index),
            LineColor = ChartPalette.ForModel(b.Machine.Index),
            Size = width * 0.9,
        }).ToList());

        var withCi = bars.Where(b => b.CiLow is not null && b.CiHigh is not null).ToArray();
        if (withCi.Length > 0)
        {
            plot.Add.Plottable(new ErrorBar(
                [.. withCi.Select(Position)], [.. withCi.Select(b => b.Value)], null, null,
                [.. withCi.Select(b => Math.Max(0, b.CiHigh!.Value - b.Value))], [.. withCi.Select(b => Math.Max(0, b.Value - b.CiLow!.Value))])
            {
                Color = Color.FromHex(ChartPalette.ErrorBarHex),
                LineWidth = 1.5f,
                CapSize = 6,
            });
        }

        foreach (var b in bars)
        {
            var label = plot.Add.Text($"{b.Mark}{ChartText.Number(b.Value)} {unit}", Position(b), b.Top);
            label.Alignment = Alignment.MiddleLeft;
            label.LabelRotation = -90;
            label.OffsetY = -4;
            label.LabelFontSize = 10;
        }

        plot.Axes.Bottom.SetTicks([.. models.Select((_, i) => (double)i)], [.. models]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Legend.ManualItems.AddRange(machines.Select(m => new LegendItem { LabelText = m.Legend, FillColor = ChartPalette.ForModel(m.Index) }));
        plot.Legend.Orientation = Orientation.Vertical;
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SetLimitsX(-0.6, models.Count - 0.4);
        plot.Axes.SetLimitsY(0, bars.Max(b => b.Top) * 1.35);
        return ChartCanvas.Render(plot, fileStem, title, caption, [.. machines.Select(m => m.Legend)], Width, Height);
    }
}

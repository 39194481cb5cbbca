using ScottPlot;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>The markers of the sweep charts: filled for a steady-state figure, open for a whole-window one, with their legend entries.</summary>
internal static class SweepMarks
{
    private const float Size = 10;

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>The line pattern of a model's line number <paramref name="variant"/> (its colour is the model's): solid, dashed, dotted, ...</summary>
    public static LinePattern Pattern(int variant) => Patterns[variant % Patterns.Length];

    /// <summary>
    /// Adds each of <paramref name="lines"/> at (<paramref name="x"/>, <paramref name="y"/>): a 2 px line in its model's colour and its
    /// variant's pattern, named in the legend, with its points' markers and labels (<see cref="Add"/>).
    /// </summary>
    public static void AddLines(Plot plot, IReadOnlyList<SweepLine> lines, Func<SweepMark, double> x, Func<SweepMark, double> y)
    {
        foreach (var line in lines)
        {
            var colour = ChartPalette.ForModel(line.ColorIndex);
            var path = plot.Add.ScatterLine(line.Points.Select(x).ToArray(), line.Points.Select(y).ToArray(), colour);
            path.LineWidth = 2;
            path.LinePattern = Pattern(line.Variant);
            path.LegendText = line.Label;
            Add(plot, line.Points, colour, x, y);
        }
    }

    /// <summary>Adds <paramref name="points"/>' markers in <paramref name="colour"/> at (<paramref name="x"/>, <paramref name="y"/>), each labelled with its text.</summary>
    public static void Add(Plot plot, IReadOnlyList<SweepMark> points, Color colour, Func<SweepMark, double> x, Func<SweepMark, double> y)
    {
        foreach (var group in points.GroupBy(p => p.Steady))
        {
            var marks = plot.Add.ScatterPoints(group.Select(x).ToArray(), group.Select(y).ToArray(), colour);
            marks.MarkerShape = group.Key ? MarkerShape.FilledCircle : MarkerShape.OpenCircle;
            marks.MarkerSize = Size;
            marks.MarkerLineWidth = 2;
        }

        foreach (var p in points.Where(p => p.Label.Length > 0))
        {
            var text = plot.Add.Text(p.Label, x(p), y(p));
            text.Alignment = Alignment.LowerLeft;
            text.OffsetX = 5;
            text.OffsetY = -5;
            text.LabelFontSize = 10;
            text.LabelFontColor = colour.Darken(0.3);
        }
    }

    /// <summary>The two legend entries: a filled circle for <paramref name="steady"/>, an open one for <paramref name="window"/>.</summary>
    public static IEnumerable<LegendItem> Legend(string steady, string window) =>
    [
        new() { LabelText = steady, MarkerShape = MarkerShape.FilledCircle, MarkerSize = Size, MarkerFillColor = Colors.Black, MarkerLineColor = Colors.Black },
        new() { LabelText = window, MarkerShape = MarkerShape.OpenCircle, MarkerSize = Size, MarkerLineColor = Colors.Black, MarkerLineWidth = 2 },
    ];
}

using ScottPlot;
using ScottPlot.Plottables;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// This run's figures beside the published ones as horizontal bars on a logarithmic value axis, each bar labelled with
/// its model, hardware, batch size and components, coloured by group (this run, the paper, the seed study, others).
/// </summary>
internal static class PublishedComparisonChart
{
    public const int Width = 900;
    private const int BaseHeight = 150;
    private const int RowHeight = 30;

    /// <summary>Draws the chart; null when there is no bar at all.</summary>
    public static RenderedChart? Render(string fileStem, string title, string axisLabel, string unit, string caption, IReadOnlyList<PublishedBar> rows)
    {
        if (rows.Count == 0)
            return null;

        var plot = ChartCanvas.Create(title, axisLabel + " (logarithmic scale)", "");
        var low = rows.Min(r => Math.Min(r.Value, r.CiLow ?? r.Value));
        var high = rows.Max(r => Math.Max(r.Value, r.CiHigh ?? r.Value));
        var left = Math.Floor(Math.Log10(low));
        var right = Math.Log10(high) + 0.5;

        // The first row on top: row i sits at y = count - 1 - i.
        double Y(int i) => rows.Count - 1 - i;
        var bars = rows.Select((r, i) => new Bar
        {
            Position = Y(i),
            ValueBase = left,
            Value = Math.Log10(r.Value),
            FillColor = Color.FromHex(r.Hex),
            LineColor = Color.FromHex(r.Hex),
            Size = 0.42,
            Orientation = Orientation.Horizontal,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;

        var withCi = rows.Select((r, i) => (r, i)).Where(x => x.r.CiLow is not null && x.r.CiHigh is not null).ToArray();
        if (withCi.Length > 0)
        {
            var errors = new ErrorBar(
                [.. withCi.Select(x => Math.Log10(x.r.Value))], [.. withCi.Select(x => Y(x.i) - 0.05)],
                [.. withCi.Select(x => Math.Max(0, Math.Log10(x.r.CiHigh!.Value) - Math.Log10(x.r.Value)))],
                [.. withCi.Select(x => Math.Max(0, Math.Log10(x.r.Value) - Math.Log10(x.r.CiLow!.Value)))],
                null, null)
            {
                Color = Color.FromHex(ChartPalette.ErrorBarHex),
                LineWidth = 1.5f,
                CapSize = 6,
            };
            plot.Add.Plottable(errors);
        }

        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var label = plot.Add.Text(row.Label, left, Y(i) + 0.23);
            label.Alignment = Alignment.LowerLeft;
            label.OffsetX = 3;
            label.LabelFontSize = 11;

            var value = plot.Add.Text($"{ChartText.Number(row.Value)} {unit}", Math.Log10(Math.Max(row.Value, row.CiHigh ?? row.Value)), Y(i) - 0.05);
            value.Alignment = Alignment.MiddleLeft;
            value.OffsetX = 5;
            value.LabelFontSize = 11;
        }

        plot.Axes.Bottom.TickGenerator = LogAxis.Ticks();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Left.MinimumSize = 10;
        plot.Axes.SetLimits(left, right, -0.6, rows.Count - 0.05);

        (string Text, string Hex)[] groups =
        [
            ("This run", ChartPalette.ThisRunHex),
            ("From Words to Watts (paper)", ChartPalette.PaperHex),
            ("Seed study", ChartPalette.SeedStudyHex),
            ("Others, for scale", ChartPalette.OthersHex),
        ];
        plot.Legend.ManualItems.AddRange(groups.Where(g => rows.Any(r => r.Hex == g.Hex)).Select(g => Legend(g.Text, g.Hex)));
        plot.ShowLegend(Edge.Bottom);

        return ChartCanvas.Render(plot, fileStem, title, caption, [.. rows.Select(r => r.Label)], Width, BaseHeight + (RowHeight * rows.Count));
    }

    private static LegendItem Legend(string text, string hex) => new()
    {
        LabelText = text,
        FillColor = Color.FromHex(hex),
    };
}

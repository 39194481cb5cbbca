using ScottPlot;
using ScottPlot.Plottables;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>A bar per model (in the model's colour) with its confidence interval as an error bar and a value label.</summary>
internal static class ModelBarChart
{
    public const int Width = 800;
    public const int Height = 450;

    /// <summary>The fewest values whose mean gets an error bar.</summary>
    public const int MinimumForInterval = 2;

    /// <summary>" No error bar for Llama 3B (n = 1): one case has no interval." for the models with too few values; "" when none.</summary>
    public static string NoIntervalSentence(IEnumerable<(string Model, int N)> values)
    {
        var few = values.Where(v => v.N < MinimumForInterval).Select(v => $"{v.Model} (n = {v.N.ToString(System.Globalization.CultureInfo.InvariantCulture)})").ToArray();
        return few.Length == 0 ? "" : $" No error bar for {string.Join(", ", few)}: fewer than two passed cases give no interval.";
    }

    private static double Top(ModelValue v) => v.N >= MinimumForInterval ? Math.Max(v.Mean, v.CiHigh) : v.Mean;

    /// <summary>Draws the chart; null when no model has a value.</summary>
    public static RenderedChart? Render(string fileStem, string title, string yLabel, string unit, string caption, IReadOnlyList<ModelValue> values)
    {
        if (values.Count == 0)
            return null;

        var plot = ChartCanvas.Create(title, "Model", yLabel);
        var positions = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        var bars = values.Select((v, i) => new Bar
        {
            Position = i,
            Value = v.Mean,
            FillColor = ChartPalette.ForModel(v.ModelIndex),
            LineColor = ChartPalette.ForModel(v.ModelIndex),
            Size = 0.6,
        }).ToList();
        plot.Add.Bars(bars);

        // One value has no spread to resample: such a model's bar gets no error bar (the caption says so).
        var withCi = values.Select((v, i) => (v, i)).Where(x => x.v.N >= MinimumForInterval).ToArray();
        if (withCi.Length > 0)
        {
            var errors = new ErrorBar(
                [.. withCi.Select(x => (double)x.i)], [.. withCi.Select(x => x.v.Mean)], null, null,
                [.. withCi.Select(x => Math.Max(0, x.v.CiHigh - x.v.Mean))], [.. withCi.Select(x => Math.Max(0, x.v.Mean - x.v.CiLow))])
            {
                Color = Color.FromHex(ChartPalette.ErrorBarHex),
                LineWidth = 1.5f,
                CapSize = 10,
            };
            plot.Add.Plottable(errors);
        }

        var top = values.Max(Top);
        foreach (var (v, i) in values.Select((v, i) => (v, i)))
        {
            var label = plot.Add.Text($"{ChartText.Number(v.Mean)} {unit}", i, Top(v));
            label.Alignment = Alignment.LowerCenter;
            label.OffsetY = -4;
            label.LabelFontSize = 12;
        }

        plot.Axes.Bottom.SetTicks(positions, [.. values.Select(v => v.Model)]);
        var longest = values.Max(v => v.Model.Length);
        if (longest * 7.5 * values.Count > Width * 0.8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -25;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            plot.Axes.Bottom.MinimumSize = (float)Math.Min(220, (longest * 3.4) + 20);
        }

        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, values.Count - 0.4);
        plot.Axes.SetLimitsY(0, top * 1.15);
        return ChartCanvas.Render(plot, fileStem, title, caption, [.. values.Select(v => v.Model)], Width, Height);
    }
}

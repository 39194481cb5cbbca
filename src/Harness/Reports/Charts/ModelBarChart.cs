using ScottPlot;
using ScottPlot.Plottables;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// A bar per model (in the model's colour) with its confidence interval as an error bar and a value label; or, when the
/// values carry domains, a group per model with a bar per domain: the total in the model's colour, each domain in a
/// lighter tint of it (the same tint for a domain in every group), each bar labelled with its domain and value, and a
/// legend of the domains.
/// </summary>
internal static class ModelBarChart
{
    public const int Width = 800;
    public const int Height = 450;

    /// <summary>The fewest values whose mean gets an error bar.</summary>
    public const int MinimumForInterval = 2;

    /// <summary>The colour of the domain legend's swatches: a neutral grey tinted as the bars are, since each model has its own hue.</summary>
    public const string DomainLegendHex = "#4A5260";

    /// <summary>" No error bar for Llama 3B (n = 1): one case has no interval." for the models with too few values; "" when none.</summary>
    public static string NoIntervalSentence(IEnumerable<(string Model, int N)> values)
    {
        var few = values.Where(v => v.N < MinimumForInterval).Select(v => $"{v.Model} (n = {v.N.ToString(System.Globalization.CultureInfo.InvariantCulture)})")
            .Distinct(StringComparer.Ordinal).ToArray();
        return few.Length == 0 ? "" : $" No error bar for {string.Join(", ", few)}: fewer than two passed cases give no interval.";
    }

    /// <summary>
    /// How much lighter than the model's colour the bar of the domain at <paramref name="index"/> of
    /// <paramref name="count"/> domains is: 0 for the first (the total), then evenly from 0.3 to 0.75.
    /// </summary>
    public static double Tint(int index, int count) =>
        index == 0 ? 0 : count <= 2 ? 0.5 : 0.3 + (0.45 * (index - 1) / (count - 2));

    private static double Top(ModelValue v) => v.N >= MinimumForInterval ? Math.Max(v.Mean, v.CiHigh) : v.Mean;

    /// <summary>
    /// Draws the chart; null when no model has a value. The chart's series are the models, then, for a chart with
    /// domains, the domains in legend order.
    /// </summary>
    public static RenderedChart? Render(string fileStem, string title, string yLabel, string unit, string caption, IReadOnlyList<ModelValue> values)
    {
        if (values.Count == 0)
            return null;

        var models = values.Select(v => (v.ModelIndex, v.Model)).Distinct().ToArray();
        string?[] domains = [.. values.Select(v => v.Domain).Distinct()];
        var grouped = domains.Length > 1 || domains[0] is not null;
        var width = grouped ? 0.8 / domains.Length : 0.6;
        double Position(ModelValue v) =>
            Array.IndexOf(models, (v.ModelIndex, v.Model)) + (grouped ? -0.4 + (width * (Array.IndexOf(domains, v.Domain) + 0.5)) : 0);
        Color Fill(ModelValue v) => ChartPalette.ForModel(v.ModelIndex).Lighten(Tint(Array.IndexOf(domains, v.Domain), domains.Length));

        var plot = ChartCanvas.Create(title, "Model", yLabel);
        plot.Add.Bars(values.Select(v => new Bar
        {
            Position = Position(v),
            Value = v.Mean,
            FillColor = Fill(v),
            LineColor = ChartPalette.ForModel(v.ModelIndex),
            Size = grouped ? width * 0.9 : width,
        }).ToList());

        // One value has no spread to resample: such a bar gets no error bar (the caption says so).
        var withCi = values.Where(v => v.N >= MinimumForInterval).ToArray();
        if (withCi.Length > 0)
        {
            var errors = new ErrorBar(
                [.. withCi.Select(Position)], [.. withCi.Select(v => v.Mean)], null, null,
                [.. withCi.Select(v => Math.Max(0, v.CiHigh - v.Mean))], [.. withCi.Select(v => Math.Max(0, v.Mean - v.CiLow))])
            {
                Color = Color.FromHex(ChartPalette.ErrorBarHex),
                LineWidth = 1.5f,
                CapSize = grouped ? 6 : 10,
            };
            plot.Add.Plottable(errors);
        }

        foreach (var v in values)
        {
            // A grouped chart's labels stand upright above their bars, naming the domain, so narrow bars keep them apart.
            var label = plot.Add.Text(grouped ? $"{v.Domain} {ChartText.Number(v.Mean)} {unit}" : $"{ChartText.Number(v.Mean)} {unit}", Position(v), Top(v));
            label.Alignment = grouped ? Alignment.MiddleLeft : Alignment.LowerCenter;
            label.LabelRotation = grouped ? -90 : 0;
            label.OffsetY = -4;
            label.LabelFontSize = grouped ? 10 : 12;
        }

        plot.Axes.Bottom.SetTicks([.. models.Select((_, i) => (double)i)], [.. models.Select(m => m.Model)]);
        var longest = models.Max(m => m.Model.Length);
        if (longest * 7.5 * models.Length > Width * 0.8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -25;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            plot.Axes.Bottom.MinimumSize = (float)Math.Min(220, (longest * 3.4) + 20);
        }

        if (grouped)
        {
            plot.Legend.ManualItems.AddRange(domains.Select((d, i) => new LegendItem
            {
                LabelText = d ?? "",
                FillColor = Color.FromHex(DomainLegendHex).Lighten(Tint(i, domains.Length)),
            }));
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, models.Length - 0.4);
        plot.Axes.SetLimitsY(0, values.Max(Top) * (grouped ? 1.45 : 1.15));
        IReadOnlyList<string> series = [.. models.Select(m => m.Model), .. grouped ? domains.OfType<string>() : []];
        return ChartCanvas.Render(plot, fileStem, title, caption, series, Width, Height);
    }
}

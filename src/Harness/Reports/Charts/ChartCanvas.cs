using ScottPlot;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>Creates the plots of the run charts with one style, and draws a finished plot to PNG and SVG.</summary>
internal static class ChartCanvas
{
    private const string FontName = "DejaVu Sans";

    private static readonly bool HasSansFont = SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(FontName, StringComparer.Ordinal);

    /// <summary>A plot with the shared style: a sans-serif font, the title and the axis labels.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (HasSansFont)
            plot.Font.Set(FontName);
        plot.Title(title, 15);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        return plot;
    }

    /// <summary>Draws <paramref name="plot"/> at <paramref name="width"/> x <paramref name="height"/> pixels and disposes it.</summary>
    public static RenderedChart Render(
        Plot plot, string fileStem, string title, string caption, IReadOnlyList<string> series, int width, int height)
    {
        using (plot)
        {
            var png = plot.GetImageBytes(width, height, ImageFormat.Png);
            var svg = plot.GetSvgXml(width, height);
            return new RenderedChart(fileStem, title, caption, series, png, svg);
        }
    }
}

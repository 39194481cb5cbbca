using SkiaSharp;
using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports;

/// <summary>Hand-made charts for the report tests (the real ones are drawn elsewhere): a bar chart as SVG and PNG.</summary>
internal static class ReportTestCharts
{
    private static readonly string[] Models = ["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct"];

    public static IReadOnlyList<RenderedChart> Fixed() =>
    [
        Bars("energy-per-response", "Energy per response", "Mean joules per response with 95% bootstrap intervals; measured.", [9.5, 24, 55]),
        Bars("tokens-per-second", "Tokens per second", "Mean completion tokens per second of harness wall time.", [295, 148, 74]),
    ];

    /// <summary>A bar per model: an SVG with rects and text, and a PNG of the same bars.</summary>
    public static RenderedChart Bars(string stem, string title, string caption, IReadOnlyList<double> values)
    {
        const int Width = 480;
        const int Height = 240;
        var max = values.Max();
        var svg = new System.Text.StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        svg.Append($"<text x=\"240\" y=\"20\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\">{title}</text>");
        for (var i = 0; i < values.Count; i++)
        {
            var h = (int)(values[i] / max * 160);
            svg.Append($"<rect x=\"{60 + (i * 140)}\" y=\"{200 - h}\" width=\"80\" height=\"{h}\" fill=\"#2456a6\"/>");
            svg.Append($"<text x=\"{100 + (i * 140)}\" y=\"220\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\">{Models[i % Models.Length]}</text>");
        }

        svg.Append("</svg>");
        return new RenderedChart(stem, title, caption, Models, Png(values), svg.ToString());
    }

    private static byte[] Png(IReadOnlyList<double> values)
    {
        using var bitmap = new SKBitmap(240, 120);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = new SKColor(0x24, 0x56, 0xa6) })
        {
            canvas.Clear(SKColors.White);
            var max = values.Max();
            for (var i = 0; i < values.Count; i++)
            {
                var h = (float)(values[i] / max * 100);
                canvas.DrawRect(20 + (i * 70), 110 - h, 40, h, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

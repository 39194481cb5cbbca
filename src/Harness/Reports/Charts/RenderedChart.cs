namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// One chart of a report, drawn twice: PNG (for the Markdown report and for sharing) and SVG (inlined in the HTML
/// report, crisp at any zoom).
/// </summary>
/// <param name="FileStem">File name without extension, e.g. <c>energy-per-response</c>: the chart is saved as
/// <c>charts/&lt;stem&gt;.png</c> and <c>.svg</c>.</param>
/// <param name="Title">The chart's title as drawn.</param>
/// <param name="Caption">One or two sentences under the chart: what it shows, how the error bars were made, and
/// whether its energy figures are measured or ESTIMATED.</param>
/// <param name="Series">The names of the plotted series as the legend or the category axis shows them (one per model,
/// per published figure, or per machine in a merged report).</param>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Svg">The SVG document.</param>
public sealed record RenderedChart(string FileStem, string Title, string Caption, IReadOnlyList<string> Series, byte[] Png, string Svg);

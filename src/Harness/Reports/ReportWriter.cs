using SlmEnergyBench.Harness.Reports.Charts;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Writes a run's report files into its folder: <c>charts/&lt;stem&gt;.png</c> and <c>.svg</c> for each chart, then
/// <c>cases.csv</c>, <c>report.md</c> and <c>report.html</c>. Each file is written atomically (a temporary file renamed
/// over the target), so a reader never sees half a report.
/// </summary>
public static class ReportWriter
{
    public const string ChartsFolder = "charts";

    public static ReportFiles Write(RunData run, IReadOnlyList<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(charts);
        var chartPaths = WriteCharts(run.Directory, charts);

        var csv = Path.Combine(run.Directory, CasesCsv.FileName);
        AtomicFile.WriteAllText(csv, CasesCsv.Render(run));
        var markdown = Path.Combine(run.Directory, MarkdownReport.FileName);
        AtomicFile.WriteAllText(markdown, MarkdownReport.Render(run, charts));
        var html = Path.Combine(run.Directory, HtmlReport.FileName);
        AtomicFile.WriteAllText(html, HtmlReport.Render(run, charts));
        return new ReportFiles(html, markdown, csv, chartPaths);
    }

    /// <summary>
    /// Writes each chart as <c>charts/&lt;stem&gt;.png</c> and <c>.svg</c> under <paramref name="directory"/> (the folder made when there is
    /// a chart) and returns their paths, PNG then SVG, in chart order. Throws <see cref="ArgumentException"/> for a stem that is not a
    /// plain file name or that two charts share.
    /// </summary>
    internal static IReadOnlyList<string> WriteCharts(string directory, IReadOnlyList<RenderedChart> charts)
    {
        CheckStems(charts);
        var chartPaths = new List<string>(charts.Count * 2);
        if (charts.Count == 0)
            return chartPaths;
        var folder = Path.Combine(directory, ChartsFolder);
        Directory.CreateDirectory(folder);
        foreach (var chart in charts)
        {
            var png = Path.Combine(folder, chart.FileStem + ".png");
            AtomicFile.WriteAllBytes(png, chart.Png);
            var svg = Path.Combine(folder, chart.FileStem + ".svg");
            AtomicFile.WriteAllText(svg, chart.Svg);
            chartPaths.AddRange([png, svg]);
        }

        return chartPaths;
    }

    /// <summary>A chart's stem names two files in charts/: it must be a plain, distinct file name.</summary>
    private static void CheckStems(IReadOnlyList<RenderedChart> charts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chart in charts)
        {
            var stem = chart.FileStem;
            if (string.IsNullOrWhiteSpace(stem) || stem is "." or ".." || stem.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                || stem.Contains('/', StringComparison.Ordinal) || stem.Contains('\\', StringComparison.Ordinal))
                throw new ArgumentException($"Chart '{chart.Title}': its file stem '{stem}' is not a plain file name (no folders, no invalid characters).", nameof(charts));
            if (!seen.Add(stem))
                throw new ArgumentException($"Two charts have the file stem '{stem}'; each chart needs its own.", nameof(charts));
        }
    }
}

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// Writes a merged report into its folder: <c>charts/&lt;stem&gt;.png</c> and <c>.svg</c> (<see cref="MergedCharts"/>), then
/// <c>summaries.csv</c>, <c>report.md</c> and <c>report.html</c>, each atomically. The folder is made when missing; a folder that
/// holds a run (<c>run.json</c>) is refused, so a merge never writes over a run's own report.
/// </summary>
public static class MergeWriter
{
    /// <summary>Draws the charts of <paramref name="merged"/> and writes every file into <paramref name="directory"/>.</summary>
    /// <exception cref="RunDataException"><paramref name="directory"/> is a run folder, or a file.</exception>
    public static ReportFiles Write(MergedRuns merged, string directory)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
            throw new RunDataException($"--out {directory} is a file; give a folder for the merged report (it is made if missing).");
        if (File.Exists(Path.Combine(directory, RunDataReader.ManifestFile)))
        {
            throw new RunDataException(
                $"--out {directory} is a run folder (it holds {RunDataReader.ManifestFile}); a merged report would overwrite that run's own report. Give another folder.");
        }

        Directory.CreateDirectory(directory);
        var charts = MergedCharts.Render(merged);
        var chartPaths = ReportWriter.WriteCharts(directory, charts);
        var csv = Path.Combine(directory, MergedCsv.FileName);
        Results.AtomicFile.WriteAllText(csv, MergedCsv.Render(merged));
        var markdown = Path.Combine(directory, MergedMarkdown.FileName);
        Results.AtomicFile.WriteAllText(markdown, MergedMarkdown.Render(merged, charts));
        var html = Path.Combine(directory, MergedHtml.FileName);
        Results.AtomicFile.WriteAllText(html, MergedHtml.Render(merged, charts));
        return new ReportFiles(html, markdown, csv, chartPaths);
    }
}

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Makes a run's report from its folder: reads it back (<see cref="RunDataReader"/>), draws the charts
/// (<see cref="Charts.RunCharts"/>) and writes <c>report.html</c>, <c>report.md</c>, <c>cases.csv</c> and
/// <c>charts/</c> beside the run's files (<see cref="ReportWriter"/>). Used at the end of an Energy run and by
/// <c>slmbench report</c> and <c>slmbench import-seed</c>.
/// </summary>
public static class RunReport
{
    /// <summary>Makes the report of the run in <paramref name="runDirectory"/>; throws <see cref="RunDataException"/> when the folder cannot be read.</summary>
    public static ReportFiles Generate(string runDirectory) => Write(RunDataReader.Read(runDirectory));

    /// <summary>Makes the report of a run already read (by a caller that also needs its warnings or figures).</summary>
    public static ReportFiles Write(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ReportWriter.Write(run, Charts.RunCharts.Render(run));
    }

    /// <summary>Every path <see cref="Generate"/> wrote: the HTML report first, then the Markdown, the CSV and the charts.</summary>
    public static IReadOnlyList<string> Paths(ReportFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [files.Html, files.Markdown, files.Csv, .. files.Charts];
    }
}

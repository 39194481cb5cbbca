namespace SlmEnergyBench.Harness.Reports;

/// <summary>The files <see cref="ReportWriter.Write"/> wrote into a run folder (or <see cref="Merge.MergeWriter.Write"/> into a merged report's folder), as full paths.</summary>
/// <param name="Html">The self-contained <c>report.html</c>.</param>
/// <param name="Markdown"><c>report.md</c>, fit for a pull-request comment.</param>
/// <param name="Csv"><c>cases.csv</c>, one row per case; a merged report's <c>summaries.csv</c>, one row per model and machine.</param>
/// <param name="Charts">Each chart's <c>charts/&lt;stem&gt;.png</c> then <c>.svg</c>, in the order of the charts.</param>
public sealed record ReportFiles(string Html, string Markdown, string Csv, IReadOnlyList<string> Charts);

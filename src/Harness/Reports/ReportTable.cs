namespace SlmEnergyBench.Harness.Reports;

/// <summary>A table as plain text cells, built once and drawn by both the HTML and the Markdown report.</summary>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows, each with one cell per header; an empty cell is a missing value.</param>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

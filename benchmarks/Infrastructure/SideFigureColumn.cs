using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// A summary column showing one <see cref="SideFigures"/> figure per case (the median of its recordings), e.g.
/// "CPU % of a core" or "Peak MB"; "-" where the case recorded none.
/// </summary>
/// <param name="figure">The figure's name as recorded, also the column's header.</param>
/// <param name="legend">What the figure is, its unit and how it was obtained (shown under the table).</param>
/// <param name="format">A .NET number format for the value, e.g. <c>0.00</c>.</param>
public sealed class SideFigureColumn(string figure, string legend, string format = "0.###") : IColumn
{
    public string Id => $"{nameof(SideFigureColumn)}.{figure}";

    public string ColumnName => figure;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var values = SideFigures.Read(KeyOf(benchmarkCase), figure);
        if (values.Count == 0)
            return "-";
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return median.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>The <see cref="SideFigures.Key"/> of a BenchmarkDotNet case.</summary>
    public static string KeyOf(BenchmarkCase benchmarkCase) =>
        SideFigures.Key(
            benchmarkCase.Descriptor.Type,
            benchmarkCase.Descriptor.WorkloadMethod.Name,
            [.. benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value))]);

    public override string ToString() => ColumnName;
}

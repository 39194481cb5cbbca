using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// A summary column giving what a benchmark costs beyond its baseline (the <c>[Benchmark(Baseline = true)]</c> method of the same
/// parameters): the difference of their means in ms (<see cref="OverheadMs"/>), or that difference as a % of a reference request
/// of <c>referenceMs</c> (<see cref="PercentOf"/>). The baseline's own row shows "-", a case without a valid result or baseline "?".
/// </summary>
/// <param name="percent">False: the overhead in ms; true: as a % of <paramref name="referenceMs"/>.</param>
/// <param name="referenceMs">The reference request's duration, ms (e.g. 50), for the % column.</param>
public sealed class OverheadColumn(bool percent, double referenceMs) : IColumn
{
    /// <summary>What the column shows where it has no figure: the baseline itself.</summary>
    public const string NotApplicable = "-";

    /// <summary>What the column shows where a mean is missing (a case or its baseline failed).</summary>
    public const string Unknown = "?";

    public string Id => $"{nameof(OverheadColumn)}.{(percent ? "Percent" : "Ms")}";

    public string ColumnName => percent
        ? $"Overhead % of {referenceMs.ToString("0.###", CultureInfo.InvariantCulture)} ms"
        : "Overhead ms";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => percent ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => percent
        ? $"Overhead ms as a percentage of a {referenceMs.ToString("0.###", CultureInfo.InvariantCulture)} ms request"
        : "Mean minus the baseline's mean of the same parameters, in milliseconds (what the benchmark adds to the bare minimum)";

    /// <summary>The overhead in ms of a case whose mean is <paramref name="meanNs"/> over a baseline whose mean is <paramref name="baselineMeanNs"/> (both ns).</summary>
    public static double OverheadMs(double meanNs, double baselineMeanNs) => (meanNs - baselineMeanNs) / 1e6;

    /// <summary><paramref name="overheadMs"/> as a percentage of a request of <paramref name="referenceMs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="referenceMs"/> is not a positive number.</exception>
    public static double PercentOf(double overheadMs, double referenceMs)
    {
        if (!(referenceMs > 0) || double.IsInfinity(referenceMs))
            throw new ArgumentOutOfRangeException(nameof(referenceMs), referenceMs, "the reference request's duration must be a positive number of ms");
        return overheadMs / referenceMs * 100;
    }

    /// <summary>
    /// The cell for a case of mean <paramref name="meanNs"/> over a baseline of mean <paramref name="baselineMeanNs"/> (ns; null
    /// when missing): the overhead in ms with 3 decimals, or as a % with 2; <see cref="Unknown"/> when a mean is missing.
    /// </summary>
    public string Format(double? meanNs, double? baselineMeanNs)
    {
        if (meanNs is not { } mean || baselineMeanNs is not { } baseline)
            return Unknown;
        var ms = OverheadMs(mean, baseline);
        return percent
            ? PercentOf(ms, referenceMs).ToString("0.00", CultureInfo.InvariantCulture)
            : ms.ToString("0.000", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (summary.IsBaseline(benchmarkCase))
            return NotApplicable;
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        return Format(summary[benchmarkCase]?.ResultStatistics?.Mean, baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean);
    }

    public override string ToString() => ColumnName;
}

using System.Globalization;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Numbers as the reports show them, with the invariant culture and the rules of <see cref="Summaries.SummaryText"/>:
/// three decimals from 1 up, three significant digits below; an estimated energy figure carries <c>~</c>
/// (<see cref="Metering.EnergyMethodText.Mark"/>).
/// </summary>
internal static class ReportNumbers
{
    public static string Number(double value) => Summaries.SummaryText.Number(value);

    public static string Number(double? value, string mark = "") => value is { } v ? mark + Number(v) : "";

    /// <summary>
    /// "mean [low, high]" with the bootstrap interval of the mean; "mean (n = 1, no interval)" when fewer than two
    /// values make it, since one value has no spread to resample and "[x, x]" would claim a certainty it lacks.
    /// </summary>
    public static string MeanCi(SampleStatistics? x, string mark = "") =>
        x is null ? ""
        : x.N < 2 ? $"{mark}{Number(x.Mean)} (n = {x.N.ToString(CultureInfo.InvariantCulture)}, no interval)"
        : $"{mark}{Number(x.Mean)} [{mark}{Number(x.CiLow)}, {mark}{Number(x.CiHigh)}]";

    /// <summary><paramref name="text"/> on at most <paramref name="max"/> characters, ending in "..." when it was longer.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 3)), "...");
    }

    /// <summary>A signed percentage, e.g. <c>+12.3%</c> or <c>-4.5%</c>.</summary>
    public static string SignedPercent(double ratio) =>
        double.IsFinite(ratio) ? (ratio * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "NA";

    /// <summary>A fraction as a percentage, e.g. coverage 0.98 as <c>98.0%</c>.</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "NA";

    /// <summary>Full precision for a machine-readable file: the shortest text that reads back as the same double.</summary>
    public static string RoundTrip(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    public static string Utc(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";
}

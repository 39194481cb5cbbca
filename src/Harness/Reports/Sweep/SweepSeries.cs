using System.Globalization;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>
/// A line of a sweep chart: the points of one runtime x model whose settings differ only along the chart's axis, in the axis's
/// order. <paramref name="Label"/> is the runtime x model, followed by the settings that set it apart from the model's other lines
/// (e.g. <c>Llama 3.2 1B, temperature 1.4</c>) when it has several; <paramref name="Variant"/> numbers the model's lines from 0 (its
/// line pattern in the charts, the colour being the model's).
/// </summary>
internal sealed record SweepSeries(string Label, int ColorIndex, int Variant, IReadOnlyList<SweepRow> Rows)
{
    /// <summary>
    /// The rows grouped into lines along an axis: rows of one runtime x model that agree on every setting <paramref name="key"/>
    /// returns (the settings other than the axis) form a line, ordered by <paramref name="axis"/>.
    /// </summary>
    public static IReadOnlyList<SweepSeries> Along(IReadOnlyList<SweepRow> rows, Func<SweepPoint, double> axis, Func<SweepPoint, string> key)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = new List<SweepSeries>();
        foreach (var model in rows.GroupBy(r => r.Series, StringComparer.Ordinal))
        {
            var lines = model.GroupBy(r => key(r.Point), StringComparer.Ordinal).ToArray();
            series.AddRange(lines.Select((line, variant) => new SweepSeries(
                lines.Length > 1 && line.Key.Length > 0 ? $"{model.Key}, {line.Key}" : model.Key,
                model.First().SeriesIndex,
                variant,
                [.. line.OrderBy(r => axis(r.Point))])));
        }

        return series;
    }

    /// <summary>The settings other than the load: temperature, max tokens and, in process, threads.</summary>
    public static string AllButLoad(SweepPoint p) => Invariant($"temperature {p.Temperature}, max tokens {p.MaxTokens}{Threads(p)}");

    /// <summary>The settings other than temperature: max tokens and the load.</summary>
    public static string AllButTemperature(SweepPoint p) => Invariant($"max tokens {p.MaxTokens}, {p.InFlight} in flight{Threads(p)}");

    /// <summary>The settings other than max tokens: temperature and the load.</summary>
    public static string AllButMaxTokens(SweepPoint p) => Invariant($"temperature {p.Temperature}, {p.InFlight} in flight{Threads(p)}");

    private static string Threads(SweepPoint p) => p.Threads > 0 ? Invariant($", threads {p.Threads}") : "";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

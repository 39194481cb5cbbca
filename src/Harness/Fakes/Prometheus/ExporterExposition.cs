using System.Globalization;
using System.Text;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// Prometheus's text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats): per metric name one
/// <c># HELP</c> and one <c># TYPE</c> line, then one line per series, <c>name{labels} value [timestamp_ms]</c>, values in the
/// shortest form that reads back as the same double.
/// </summary>
internal static class ExporterExposition
{
    /// <summary>The <c>Content-Type</c> of this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <param name="series">The series, in exposition order.</param>
    /// <param name="values">Each series' value, by <see cref="ExporterSeries.Key"/>.</param>
    /// <param name="timestampMs">An explicit timestamp for every line, Unix milliseconds; null writes none.</param>
    public static string Write(IReadOnlyList<ExporterSeries> series, IReadOnlyDictionary<string, double> values, long? timestampMs)
    {
        var text = new StringBuilder();
        foreach (var family in series.GroupBy(s => s.Name))
        {
            text.Append("# HELP ").Append(family.Key).Append(' ').Append(family.First().Help).Append('\n');
            text.Append("# TYPE ").Append(family.Key).Append(' ').Append(family.First().Type).Append('\n');
            foreach (var one in family)
            {
                text.Append(one.Name).Append(one.LabelText).Append(' ').Append(Number(values[one.Key]));
                if (timestampMs is { } ms)
                    text.Append(' ').Append(ms.ToString(CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

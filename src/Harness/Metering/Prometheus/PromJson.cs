using System.Globalization;
using System.Text.Json;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>One scrape of one series: Prometheus server time <see cref="T"/> (Unix seconds) and the value.</summary>
internal readonly record struct Scrape(double T, double V);

/// <summary>One series of a Prometheus answer: its labels (with <c>__name__</c>) and its points, in time order.</summary>
internal sealed record RawSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<Scrape> Points)
{
    /// <summary>The label set as text, e.g. <c>{__name__="x",gpu="0"}</c>: the series' identity.</summary>
    public string Key => "{" + string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    /// <summary>The target the series was scraped from, <c>job/instance</c> ("" when it has neither label).</summary>
    public string Target => (Labels.GetValueOrDefault("job"), Labels.GetValueOrDefault("instance")) switch
    {
        (null, null) => "",
        var (job, instance) => $"{job}/{instance}",
    };
}

/// <summary>
/// Reads the <c>data</c> of Prometheus's query answers (prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats):
/// a matrix is <c>[{"metric":{...},"values":[[t,"v"],...]}]</c>, a vector <c>[{"metric":{...},"value":[t,"v"]}]</c>, a scalar
/// <c>[t,"v"]</c>; t in Unix seconds (a number), v a string (<c>NaN</c>, <c>+Inf</c> and <c>-Inf</c> included).
/// </summary>
internal static class PromJson
{
    /// <summary>The series of a matrix answer.</summary>
    public static IReadOnlyList<RawSeries> Matrix(JsonElement data, string query) =>
        Results(data, "matrix", query).Select(r => new RawSeries(Labels(r), [.. Property(r, "values", query).EnumerateArray().Select(p => Point(p, query))])).ToArray();

    /// <summary>The series of a vector answer, each with its one point.</summary>
    public static IReadOnlyList<RawSeries> Vector(JsonElement data, string query) =>
        Results(data, "vector", query).Select(r => new RawSeries(Labels(r), [Point(Property(r, "value", query), query)])).ToArray();

    /// <summary>The value of a scalar answer.</summary>
    public static Scrape Scalar(JsonElement data, string query)
    {
        ExpectType(data, "scalar", query);
        return Point(Property(data, "result", query), query);
    }

    private static IEnumerable<JsonElement> Results(JsonElement data, string type, string query)
    {
        ExpectType(data, type, query);
        var result = Property(data, "result", query);
        if (result.ValueKind != JsonValueKind.Array)
            throw Malformed(query, "data.result is not an array");
        return result.EnumerateArray();
    }

    private static void ExpectType(JsonElement data, string type, string query)
    {
        var actual = Property(data, "resultType", query).GetString();
        if (actual != type)
        {
            throw new MeterException($"prometheus: the query {query} gave a {actual} where a {type} was expected: "
                + (type == "matrix" ? "Meter:Prometheus's queries must be series selectors (a metric name with label matchers), not expressions." : "is this a Prometheus server?"));
        }
    }

    private static Dictionary<string, string> Labels(JsonElement result) =>
        result.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static Scrape Point(JsonElement pair, string query)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[0].ValueKind != JsonValueKind.Number || pair[1].ValueKind != JsonValueKind.String)
            throw Malformed(query, $"a point is {pair.GetRawText()}, not [unix seconds, \"value\"]");
        return new Scrape(pair[0].GetDouble(), Value(pair[1].GetString()!, query));
    }

    private static double Value(string text, string query) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw Malformed(query, $"the value \"{text}\" is not a number"),
    };

    private static JsonElement Property(JsonElement element, string name, string query) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw Malformed(query, $"{name} is missing");

    private static MeterException Malformed(string query, string what) =>
        new($"prometheus: the answer to {query} is not in Prometheus's API format ({what}): is Meter:Prometheus:Url a Prometheus server?");
}

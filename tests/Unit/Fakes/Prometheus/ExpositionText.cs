using System.Globalization;
using System.Text.RegularExpressions;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>One sample line of the text exposition format: name, labels, value and the optional timestamp (Unix ms).</summary>
internal sealed record ExpositionLine(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long? TimestampMs);

/// <summary>
/// A reader of Prometheus's text exposition format 0.0.4 written for the tests, independent of the exporter's writer: it checks that
/// every sample's metric has exactly one <c># HELP</c> and one <c># TYPE</c> before its first line, and parses labels by the
/// format's grammar (<c>name="value"</c>, backslash escapes).
/// </summary>
internal static partial class ExpositionText
{
    public static (IReadOnlyList<ExpositionLine> Lines, IReadOnlyDictionary<string, string> Types) Parse(string text)
    {
        var lines = new List<ExpositionLine>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                helps.Add(line.Split(' ')[2]).Should().BeTrue($"one # HELP per metric: {line}");
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types.TryAdd(parts[2], parts[3]).Should().BeTrue($"one # TYPE per metric: {line}");
                continue;
            }
            var match = Sample().Match(line);
            match.Success.Should().BeTrue($"'{line}' is a sample line");
            var name = match.Groups["name"].Value;
            types.Should().ContainKey(name, "# TYPE comes before the metric's samples");
            helps.Should().Contain(name, "# HELP comes before the metric's samples");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value), StringComparer.Ordinal);
            var timestamp = match.Groups["ts"].Success ? long.Parse(match.Groups["ts"].Value, CultureInfo.InvariantCulture) : (long?)null;
            lines.Add(new ExpositionLine(name, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture), timestamp));
        }
        return (lines, types);
    }

    /// <summary>The one line of <paramref name="name"/> whose label <paramref name="label"/> is <paramref name="value"/>.</summary>
    public static ExpositionLine One(IReadOnlyList<ExpositionLine> lines, string name, string label, string value) =>
        lines.Single(l => l.Name == name && l.Labels.GetValueOrDefault(label) == value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( (?<ts>-?\d+))?$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex Label();
}

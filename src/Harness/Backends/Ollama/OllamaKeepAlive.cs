using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// Ollama's <c>keep_alive</c> (api/types.go, <c>Duration.UnmarshalJSON</c>): a JSON number of seconds, or a JSON string in
/// Go's duration syntax (<c>"10m"</c>, <c>"1h30m"</c>, <c>"90s"</c>, <c>"0"</c>; units ns, us, µs, ms, s, m, h; a bare number
/// other than 0 is refused). Negative keeps the model loaded forever; 0 unloads it when the request ends. Default 5 minutes.
/// </summary>
public static partial class OllamaKeepAlive
{
    /// <summary>Ollama's default, 5 minutes.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A configured <c>Backend:KeepAlive</c>: a number of seconds (<c>"-1"</c>, <c>"600"</c>) or a Go duration (<c>"30m"</c>).
    /// The duration it stands for (<see cref="Timeout.InfiniteTimeSpan"/> = forever), or null when Ollama would refuse it.
    /// </summary>
    public static TimeSpan? TryParse(string? value) =>
        IsNumber(value, out var seconds) ? FromSeconds(seconds) : TryParseGoDuration(value);

    /// <summary>The configured value as Ollama takes it: a JSON number for a number of seconds, else the duration string.</summary>
    public static JsonNode ToJson(string value) =>
        IsNumber(value, out var seconds) ? JsonValue.Create(seconds) : JsonValue.Create(value.Trim());

    /// <summary>Go's <c>time.ParseDuration</c> (what Ollama applies to a string): null when it would fail; negative = forever.</summary>
    public static TimeSpan? TryParseGoDuration(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        var negative = text.StartsWith('-');
        var body = text.TrimStart('-', '+');
        if (body == "0")
            return TimeSpan.Zero;
        var parts = Part().Matches(body);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != body)
            return null;
        var total = 0.0;
        foreach (Match part in parts)
        {
            var number = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += number * part.Groups[2].Value switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                _ => 3600,
            };
        }

        return negative && total > 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(total);
    }

    /// <summary>A number of seconds as Ollama reads a JSON number: negative = forever.</summary>
    public static TimeSpan FromSeconds(double seconds) => seconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

    private static bool IsNumber(string? value, out double seconds) =>
        double.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds);

    [GeneratedRegex(@"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Metering.Prometheus;

/// <summary>
/// Checks <c>Meter:IntervalMs</c> against the scrape interval of the series' targets: Prometheus's own setting
/// (<c>/api/v1/targets</c>, each active target's <c>scrapeInterval</c>, matched by the series' <c>job</c> and <c>instance</c>
/// labels) and the spacing of the raw samples (the median gap). The protocol's idle pause before each request is
/// 2 x IntervalMs, which the short-window rule relies on, so a mismatch is an error saying what to set.
/// </summary>
internal static partial class ScrapeIntervalCheck
{
    /// <summary>Tolerated relative difference between the samples' median spacing and IntervalMs (scrapes jitter by milliseconds).</summary>
    public const double SpacingTolerance = 0.1;

    /// <summary>Throws when the spacing of <paramref name="timestamps"/> (one series, server seconds) is not IntervalMs; returns a note.</summary>
    public static string CheckSpacing(IReadOnlyList<double> timestamps, string query, int intervalMs)
    {
        if (timestamps.Count < 3)
            return $"too few raw samples of {query} ({timestamps.Count}) yet to check their spacing";
        var gaps = timestamps.Zip(timestamps.Skip(1), (a, b) => b - a).Order().ToArray();
        var median = Quantiles.OfSorted(gaps, 0.5);
        var interval = intervalMs / 1000.0;
        if (Math.Abs(median - interval) > SpacingTolerance * interval)
        {
            throw new MeterException(Invariant(
                $"prometheus: the raw samples of {query} are {median:0.###} s apart (median of {gaps.Length} gaps), but Meter:IntervalMs is {intervalMs}: set Meter:IntervalMs to {Math.Round(median * 1000):0}. It must be the scrape interval: the protocol's idle pause before each request is 2 x IntervalMs, which the short-window rule relies on."));
        }

        return Invariant($"raw samples of {query} {median:0.###} s apart (median of {gaps.Length} gaps)");
    }

    /// <summary>
    /// Throws when Prometheus scrapes <paramref name="target"/> (job/instance) at another interval than IntervalMs; returns a
    /// note, also when the target is not listed (series from federation or recording rules).
    /// </summary>
    public static async Task<string> CheckTargetAsync(PrometheusClient client, string target, int intervalMs, CancellationToken cancellationToken)
    {
        JsonElement data;
        try
        {
            data = await client.GetAsync("targets?state=active", "/api/v1/targets", cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            return $"scrape interval of {target} not confirmed by Prometheus ({e.Message})";
        }

        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var (job, instance) = slash < 0 ? (target, "") : (target[..slash], target[(slash + 1)..]);
        foreach (var t in data.TryGetProperty("activeTargets", out var active) && active.ValueKind == JsonValueKind.Array ? active.EnumerateArray() : [])
        {
            if (!t.TryGetProperty("labels", out var labels) || Label(labels, "job") != job || Label(labels, "instance") != instance)
                continue;
            if (!t.TryGetProperty("scrapeInterval", out var text) || ParseDuration(text.GetString() ?? "") is not { } seconds)
                return $"Prometheus lists {target} without a readable scrapeInterval";
            if (Math.Abs((seconds * 1000) - intervalMs) > 0.5)
            {
                throw new MeterException(Invariant(
                    $"prometheus: Prometheus scrapes {target} every {text.GetString()} (/api/v1/targets), but Meter:IntervalMs is {intervalMs}: set Meter:IntervalMs to {seconds * 1000:0}. It must be the scrape interval: the protocol's idle pause before each request is 2 x IntervalMs, which the short-window rule relies on."));
            }

            return $"Prometheus scrapes {target} every {text.GetString()} (/api/v1/targets)";
        }

        return $"{target} is not among Prometheus's active targets (federated or recorded series?): its scrape interval is checked from the samples' spacing only";
    }

    /// <summary>A Prometheus duration such as <c>15s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1h</c> in seconds; null when it is not one.</summary>
    public static double? ParseDuration(string text)
    {
        var matches = DurationPart().Matches(text);
        if (text.Length == 0 || string.Concat(matches.Select(m => m.Value)) != text)
            return null;
        return matches.Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
        {
            "ms" => 0.001,
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            "d" => 86_400,
            "w" => 604_800,
            _ => 31_536_000,
        });
    }

    private static string? Label(JsonElement labels, string name) => labels.TryGetProperty(name, out var v) ? v.GetString() : null;

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d|w|y)")]
    private static partial Regex DurationPart();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>One raw sample Prometheus stored: its timestamp (Unix seconds, millisecond resolution) and value.</summary>
internal sealed record PromSample(double UnixS, double Value);

/// <summary>
/// Raw samples through Prometheus's HTTP API with a plain HttpClient: an instant query of a range selector,
/// <c>GET /api/v1/query?query=selector[range]&amp;time=t</c>, answers a matrix whose <c>values</c> are the samples stored in
/// (t - range, t], as <c>[unix_s, "value"]</c> (prometheus.io/docs/prometheus/latest/querying/api).
/// </summary>
internal static class PrometheusQuery
{
    /// <summary>The samples of the one series <paramref name="selector"/> names, oldest first (empty when none).</summary>
    public static async Task<IReadOnlyList<PromSample>> RangeAsync(string url, string selector, double rangeS, double atUnixS)
    {
        var query = $"{selector}[{(long)Math.Ceiling(rangeS * 1000)}ms]";
        using var http = new HttpClient();
        var json = await http.GetStringAsync(
            $"{url}/api/v1/query?query={Uri.EscapeDataString(query)}&time={atUnixS.ToString("0.###", CultureInfo.InvariantCulture)}",
            TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.GetProperty("data");
        data.GetProperty("resultType").GetString().Should().Be("matrix");
        var series = data.GetProperty("result").EnumerateArray().ToList();
        series.Should().HaveCountLessThanOrEqualTo(1, $"{selector} names one series");
        return series.Count == 0 ? [] :
        [
            .. series[0].GetProperty("values").EnumerateArray().Select(v => new PromSample(
                v[0].GetDouble(), double.Parse(v[1].GetString()!, CultureInfo.InvariantCulture))),
        ];
    }
}

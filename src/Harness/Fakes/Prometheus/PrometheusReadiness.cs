using System.Text.Json;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// What "started" means for <see cref="PrometheusServer"/>: <c>GET /-/ready</c> answers 200, and <c>GET /api/v1/targets</c> lists every
/// configured target with <c>health: "up"</c> (its first scrape succeeded), so a test's first query finds samples.
/// </summary>
internal static class PrometheusReadiness
{
    /// <summary>Whether Prometheus is ready and every one of <paramref name="targets"/> has been scraped successfully.</summary>
    public static async Task<bool> IsReadyAsync(HttpClient http, string url, int targets, CancellationToken cancellationToken)
    {
        try
        {
            using var ready = await http.GetAsync(url + "/-/ready", cancellationToken).ConfigureAwait(false);
            if (!ready.IsSuccessStatusCode)
                return false;
            var json = await http.GetStringAsync(url + "/api/v1/targets?state=active", cancellationToken).ConfigureAwait(false);
            return UpTargets(json) >= targets;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The HTTP client's own timeout (a busy machine): not ready yet, ask again.
            return false;
        }
    }

    /// <summary>The number of active targets whose health is "up" in a <c>/api/v1/targets</c> answer.</summary>
    public static int UpTargets(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
            .Count(t => t.TryGetProperty("health", out var health) && health.GetString() == "up");
    }
}

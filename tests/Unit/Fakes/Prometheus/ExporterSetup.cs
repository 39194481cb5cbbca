using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Fakes.Prometheus;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

/// <summary>A fake exporter on virtual time starting at <see cref="T0"/>, with a power script, and a scrape helper.</summary>
internal static class ExporterSetup
{
    /// <summary>2026-01-01T00:00:00Z, Unix seconds.</summary>
    public const double T0 = 1767225600;

    public static FakeTimeProvider Clock(double offsetS = 0) =>
        new(DateTimeOffset.UnixEpoch.AddSeconds(T0).AddTicks((long)Math.Round(offsetS * TimeSpan.TicksPerSecond)));

    /// <summary>gpu0 100 W, gpu1 50 W, package 10 W, dram 2 W until steps say otherwise.</summary>
    public static ScriptedExporterPower Script(double gpu1W = 50) => new(new Dictionary<string, double>
    {
        [ExporterDomains.Gpu0] = 100,
        [ExporterDomains.Gpu1] = gpu1W,
        [ExporterDomains.Package] = 10,
        [ExporterDomains.Dram] = 2,
    });

    public static void Advance(this FakeTimeProvider time, double seconds) =>
        time.Advance(TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));

    public static async Task<(int Status, string Body)> GetAsync(FakeEnergyExporter exporter, string path = "/metrics")
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(exporter.Url + path, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<IReadOnlyList<ExpositionLine>> ScrapeAsync(FakeEnergyExporter exporter)
    {
        var (status, body) = await GetAsync(exporter);
        status.Should().Be(200, body);
        return ExpositionText.Parse(body).Lines;
    }
}

using System.Text.Json;
using SlmEnergyBench.Harness.Fakes.Prometheus;
using static SlmEnergyBench.Unit.Fakes.Prometheus.ExporterSetup;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

public sealed class TruthLogTests
{
    [Fact]
    public async Task TruthLog_EveryScrape_IsOneJsonLineWithItsValuesOrItsMiss()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("slmbench-truth-").FullName;
        try
        {
            var log = Path.Combine(folder, "exporter-scrapes.jsonl");
            var time = Clock();
            using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = Script(), Time = time, TruthLogPath = log });
            exporter.MissScrapes(T0 + 1.5, T0 + 2.5, MissedScrape.Unavailable);

            // Act
            time.Advance(1);
            await GetAsync(exporter);
            time.Advance(1);
            await GetAsync(exporter);

            // Assert: the served scrape's gpu0 counter is 5000 + 100 x 1 J = 5100000 mJ.
            var lines = await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken);
            lines.Should().HaveCount(2);
            using var served = JsonDocument.Parse(lines[0]);
            served.RootElement.GetProperty("servedUnixS").GetDouble().Should().Be(T0 + 1);
            served.RootElement.GetProperty("values").GetProperty("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}").GetDouble().Should().Be(5_100_000);
            served.RootElement.TryGetProperty("missed", out _).Should().BeFalse();
            using var missed = JsonDocument.Parse(lines[1]);
            missed.RootElement.GetProperty("missed").GetString().Should().Be("Unavailable");
            missed.RootElement.GetProperty("values").EnumerateObject().Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using SlmEnergyBench.Harness.Fakes.Prometheus;
using static SlmEnergyBench.Unit.Fakes.Prometheus.ExporterSetup;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

public sealed class FakeEnergyExporterTests
{
    [Fact]
    public async Task Metrics_ScriptedPower_CountersAreItsIntegralInEachExportersUnits()
    {
        // Arrange: gpu0 100 W then 300 W from T0+2; gpu1 50.0001 W; package 10 W then 40 W from T0+1; dram 2 W; counters start at 5000 J.
        var time = Clock();
        var power = Script(gpu1W: 50.0001).Set(T0 + 2, ExporterDomains.Gpu0, 300).Set(T0 + 1, ExporterDomains.Package, 40);
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power, Time = time });
        time.Advance(5);

        // Act
        var (status, body) = await GetAsync(exporter);
        var (lines, types) = ExpositionText.Parse(body);

        // Assert: gpu0 5000 + 100 x 2 + 300 x 3 = 6100 J; gpu1 5000 + 250.0005 J, whole mJ rounded down; package 5000 + 10 + 40 x 4 = 5170 J;
        // dram 5000 + 2 x 5 = 5010 J; the gauges hold the power now.
        status.Should().Be(200);
        types.Should().Equal(new Dictionary<string, string>
        {
            ["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"] = "counter",
            ["DCGM_FI_DEV_POWER_USAGE"] = "gauge",
            ["node_rapl_package_joules_total"] = "counter",
            ["node_rapl_dram_joules_total"] = "counter",
            ["kepler_node_cpu_joules_total"] = "counter",
        });
        ExpositionText.One(lines, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0").Value.Should().Be(6_100_000);
        ExpositionText.One(lines, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "1").Value.Should().Be(5_250_000);
        ExpositionText.One(lines, "DCGM_FI_DEV_POWER_USAGE", "gpu", "0").Value.Should().Be(300);
        ExpositionText.One(lines, "DCGM_FI_DEV_POWER_USAGE", "gpu", "1").Value.Should().Be(50);
        ExpositionText.One(lines, "node_rapl_package_joules_total", "index", "0").Value.Should().BeApproximately(5170, 1e-6);
        ExpositionText.One(lines, "node_rapl_dram_joules_total", "index", "0").Value.Should().BeApproximately(5010, 1e-6);
        ExpositionText.One(lines, "kepler_node_cpu_joules_total", "zone", "package").Value.Should().BeApproximately(5170, 1e-9);
        ExpositionText.One(lines, "kepler_node_cpu_joules_total", "zone", "dram").Value.Should().BeApproximately(5010, 1e-9);
        var gpu0 = ExpositionText.One(lines, "DCGM_FI_DEV_POWER_USAGE", "gpu", "0").Labels;
        gpu0.Keys.Should().Equal("gpu", "UUID", "device", "modelName", "Hostname");
        gpu0["Hostname"].Should().Be("fake-node");
        ExpositionText.One(lines, "node_rapl_dram_joules_total", "index", "0").Labels["path"].Should().Be("/sys/class/powercap/intel-rapl:0:2");
        ExpositionText.One(lines, "kepler_node_cpu_joules_total", "zone", "dram").Labels.Keys.Should().Equal("zone", "path", "node_name");
        lines.Should().OnlyContain(l => l.TimestampMs == null, "real DCGM and node exporters write no timestamps");
    }

    [Fact]
    public async Task Metrics_CounterReset_RestartsFromZeroAtTheReset()
    {
        // Arrange: gpu0 100 W then 300 W from T0+2; the counters reset at T0+3.
        var time = Clock();
        var power = Script().Set(T0 + 2, ExporterDomains.Gpu0, 300);
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power, Time = time });
        exporter.ResetCountersAt(T0 + 3);

        // Act
        time.Advance(2.5);
        var before = await ScrapeAsync(exporter);
        time.Advance(2.5);
        var after = await ScrapeAsync(exporter);

        // Assert: before, 5000 + 200 + 150 J; after, only T0+3..T0+5: 300 x 2 = 600 J on gpu0 and 10 x 2 = 20 J on the package.
        ExpositionText.One(before, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0").Value.Should().Be(5_350_000);
        ExpositionText.One(after, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "gpu", "0").Value.Should().Be(600_000);
        ExpositionText.One(after, "kepler_node_cpu_joules_total", "zone", "package").Value.Should().BeApproximately(20, 1e-9);
        exporter.TrueEnergyJ(ExporterDomains.Gpu0, T0, T0 + 5).Should().Be(1100, "the truth integrates the power, resets aside");
    }

    [Fact]
    public async Task Metrics_InAMissedSpan_Answer503AndLogTheMiss()
    {
        // Arrange: scrapes in [T0+1, T0+2) are missed.
        var time = Clock();
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = Script(), Time = time });
        exporter.MissScrapes(T0 + 1, T0 + 2, MissedScrape.Unavailable);

        // Act
        time.Advance(0.5);
        var first = await GetAsync(exporter);
        time.Advance(1);
        var missed = await GetAsync(exporter);
        time.Advance(0.5);
        var back = await GetAsync(exporter);

        // Assert
        (first.Status, missed.Status, back.Status).Should().Be((200, 503, 200));
        missed.Body.Should().Contain("missed scrape");
        exporter.Scrapes.Select(s => (s.ServedUnixS, s.Missed)).Should().Equal((T0 + 0.5, null), (T0 + 1.5, MissedScrape.Unavailable), (T0 + 2, null));
        exporter.Scrapes[1].Values.Should().BeEmpty();
        exporter.Scrapes[2].Values["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}"].Should().Be(5_200_000);
    }

    [Fact]
    public async Task Metrics_TooSlowMiss_AnswersOnlyAfterTheSlowAnswerDelay()
    {
        // Arrange: the real clock; every scrape for the next minute is too slow (0.3 s).
        var power = Script();
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = power, SlowAnswer = TimeSpan.FromSeconds(0.3) });
        exporter.MissScrapes(exporter.NowUnixS() - 1, exporter.NowUnixS() + 60, MissedScrape.TooSlow);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var (status, _) = await GetAsync(exporter);

        // Assert
        status.Should().Be(503);
        watch.Elapsed.TotalSeconds.Should().BeGreaterThanOrEqualTo(0.29);
        exporter.Scrapes.Should().ContainSingle().Which.Missed.Should().Be(MissedScrape.TooSlow);
    }

    [Fact]
    public async Task Metrics_WithTimestamps_EachLineCarriesTheMillisecondItsValueWasComputedAt()
    {
        // Arrange: the clock at T0 + 0.1234567 s, so the served millisecond is T0 + 0.123 s.
        var time = Clock(offsetS: 0.1234567);
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = Script(), Time = time, Timestamps = true });
        time.Advance(1);

        // Act
        var lines = await ScrapeAsync(exporter);

        // Assert: T0 + 1.123 s in ms on every line; package 5000 + 10 W x 1 s (the counters started at T0 + 0.1234567).
        var ms = (long)(T0 * 1000) + 1123;
        lines.Should().OnlyContain(l => l.TimestampMs == ms);
        exporter.Scrapes.Single().ServedUnixS.Should().Be(ms / 1000.0);
        ExpositionText.One(lines, "kepler_node_cpu_joules_total", "zone", "package").Value.Should().BeApproximately(5000 + 10 * (1.123 - 0.1234567), 1e-4);
    }

    [Fact]
    public async Task Metrics_OtherPath_Answer404()
    {
        // Arrange
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = Script(), Time = Clock() });

        // Act
        var (status, body) = await GetAsync(exporter, "/api/v1/query");

        // Assert
        status.Should().Be(404);
        body.Should().Contain("GET /metrics");
        exporter.Scrapes.Should().BeEmpty();
    }
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Metering.Prometheus;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>Method increase, several targets, presets with several series, provenance.</summary>
public sealed partial class PrometheusMeterTests
{
    [Fact]
    public async Task MeasureAsync_IncreaseMethod_AsksIncreaseAtTheWindowsEndAndSumsTheSeries()
    {
        // Arrange: Prometheus's own (extrapolated) figures for two GPUs, in mJ.
        AddCounter();
        var query = $"increase({Counter}[10000ms])";
        _api.Increases[query] = ["2400000", "600000.5"];
        await using var meter = new PrometheusMeter(Options(p => p.Method = PrometheusMethods.Increase), _clock);
        await meter.StartAsync(Ct);

        // Act
        var w = await meter.MeasureAsync(3, 13, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(3000.0005, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(3000.0005, Precision);
        w.EdgeSamples.Should().BeEmpty();
        w.Approximation.Should().StartWith($"prometheus: {query} at the window's end: Prometheus extrapolated");
        _api.Requests.Should().Contain(r => r.Query == query && r.Time == _api.ServerUnix(13).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task MeasureAsync_IncreaseWithoutValue_RefusesTheWindow()
    {
        // Arrange: Prometheus answers an empty vector (fewer than two scrapes inside the window).
        AddCounter();
        await using var meter = new PrometheusMeter(Options(p => p.Method = PrometheusMethods.Increase), _clock);
        await meter.StartAsync(Ct);

        // Act
        var act = () => meter.MeasureAsync(4, 7, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            $"prometheus: increase({Counter}[3000ms]) at the end of window [4.000, 7.000] s gave no value: Prometheus needs at least two scrapes inside the 3 s window (scrape interval 5 s). Measure over a longer window (a sweep point's steady state, more tokens), or use Meter:Prometheus:Method = samples, whose edge rule handles short windows.");
    }

    [Fact]
    public async Task MeasureAsync_NodeRaplOfTwoSocketsWithoutDram_SumsThePackagesAndLeavesDramOut()
    {
        // Arrange: sockets 0 and 1 at 30 W and 20 W, J counters scraped every 5 s at ..., -5, 0, 5, ...
        _api.Targets.Add(("node", "host1:9100", "5s"));
        var labels = "job=\"node\",instance=\"host1:9100\",index=\"{0}\"";
        _api.Add("node_rapl_package_joules_total{instance=\"host1:9100\"}", string.Format(System.Globalization.CultureInfo.InvariantCulture, labels, 0), FakePrometheusApi.Every(5, -50, 60, t => 1000 + (30 * t)));
        _api.Add("node_rapl_package_joules_total{instance=\"host1:9100\"}", string.Format(System.Globalization.CultureInfo.InvariantCulture, labels, 1), FakePrometheusApi.Every(5, -50, 60, t => 9000 + (20 * t)));
        await using var meter = new PrometheusMeter(Options(p => (p.Preset, p.Selector) = (PrometheusPresets.NodeRapl, "instance=\"host1:9100\"")), _clock);
        await meter.StartAsync(Ct);

        // Act
        var w = await meter.MeasureAsync(0, 20, Ct);

        // Assert
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Package, Domains.Total]);
        w.Domains[Domains.Package].Joules.Should().BeApproximately(50 * 20, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(50 * 20, Precision);
        meter.Provenance.Domains.Should().Equal(Domains.Package, Domains.Total);
        meter.Provenance.Source.Should().Contain("package = node_rapl_package_joules_total{instance=\"host1:9100\"} (counter, J), summed over 2 series; total = package;");
        meter.Provenance.Notes.Should().Contain("No series matches node_rapl_dram_joules_total{instance=\"host1:9100\"}: dram is left out");
        meter.Provenance.Method.Should().Be(EnergyMethod.Measured);
    }

    [Fact]
    public async Task MeasureAsync_CustomDomainsOfTwoTargets_AddsTheirWindowsAndKeepsTheirSamplesApart()
    {
        // Arrange: the GPU counter (dcgm target, scrapes at 3 + 5k) and a CPU package counter (node target, scrapes at 5k), 40 W.
        AddCounter();
        _api.Targets.Add(("node", "host1:9100", "5s"));
        _api.Add("node_rapl_package_joules_total", "job=\"node\",instance=\"host1:9100\",index=\"0\"", FakePrometheusApi.Every(5, -50, 60, t => 1000 + (40 * t)));
        await using var meter = new PrometheusMeter(Options(p =>
        {
            p.Preset = PrometheusPresets.Custom;
            p.Domains.Add(new() { Name = Domains.Gpu, Query = Counter, Kind = PrometheusSeriesKinds.Counter, Unit = PrometheusUnits.Millijoules });
            p.Domains.Add(new() { Name = Domains.Package, Query = "node_rapl_package_joules_total", Kind = PrometheusSeriesKinds.Counter, Unit = PrometheusUnits.Joules });
        }), _clock);
        await meter.StartAsync(Ct);

        // Act: [3, 13] is two whole GPU intervals; for the package [5, 10] whole and halves of [0, 5] and [10, 15].
        var w = await meter.MeasureAsync(3, 13, Ct);

        // Assert
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(2500, Precision);
        w.Domains[Domains.Package].Joules.Should().BeApproximately(400, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(2900, Precision);
        w.TotalOf.Should().BeEquivalentTo([Domains.Gpu, Domains.Package]);
        w.EdgeSamples.Should().HaveCount(2).And.OnlyContain(e => e.EnergyJ.ContainsKey(Domains.Package) && !e.EnergyJ.ContainsKey(Domains.Total));
        meter.Samples.Should().OnlyContain(s => !s.EnergyJ.ContainsKey(Domains.Total) && s.EnergyJ.Count == 1);
        meter.SamplesFrom(0).Should().HaveCount(meter.Samples.Count);
        meter.Provenance.Notes.Should().Contain("Domains come from 2 targets (dcgm/node1:9400, node/host1:9100)");
    }

    [Fact]
    public async Task Provenance_KeplerPod_IsEstimatedWithItsQueries()
    {
        // Arrange
        _api.Targets.Add(("kepler", "node1:28282", "5s"));
        _api.Add("kepler_pod_cpu_joules_total{zone=\"package\",pod_name=\"llm\"}", "job=\"kepler\",instance=\"node1:28282\",pod_name=\"llm\",zone=\"package\"", FakePrometheusApi.Every(5, -50, 60, t => 500 + (10 * t)));
        await using var meter = new PrometheusMeter(Options(p => (p.Preset, p.Selector) = (PrometheusPresets.KeplerPod, "pod_name=\"llm\"")), _clock);

        // Act
        await meter.StartAsync(Ct);
        var w = await meter.MeasureAsync(0, 10, Ct);

        // Assert
        w.Domains[Domains.Package].Joules.Should().BeApproximately(100, Precision);
        meter.Provenance.Method.Should().Be(EnergyMethod.Estimated);
        meter.Provenance.Meter.Should().Be("prometheus");
        meter.Provenance.Source.Should().StartWith($"Prometheus {_api.Url} (no authentication), preset kepler-pod: package = kepler_pod_cpu_joules_total{{zone=\"package\",pod_name=\"llm\"}} (counter, J, estimated by the exporter), summed over 1 series; total = package; scrape interval 5 s (Meter:IntervalMs); method samples:");
        meter.Provenance.Notes.Should().Contain("Kepler attributes the node's energy to pods by their CPU time: a model, so these figures are ESTIMATED");
    }

    [Fact]
    public async Task StartAsync_PrometheusScrapesAtAnotherInterval_SaysWhatToSetIntervalMsTo()
    {
        // Arrange: the target is scraped every 15 s.
        _api.Targets[0] = ("dcgm", "node1:9400", "15s");
        _api.Add(Counter, Labels, FakePrometheusApi.Every(15, -147, 58, t => 1_000_000 + (1000 * EnergyJ(t))));
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert: the spacing is checked first (the median gap of the raw samples).
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            $"prometheus: the raw samples of {Counter} are 15 s apart (median of 9 gaps), but Meter:IntervalMs is 5000: set Meter:IntervalMs to 15000. It must be the scrape interval: the protocol's idle pause before each request is 2 x IntervalMs, which the short-window rule relies on.");
    }

    [Fact]
    public async Task StartAsync_TargetsScrapeIntervalDiffers_SaysWhatToSetIntervalMsTo()
    {
        // Arrange: samples 5 s apart, but the target's configured interval is 1m (e.g. samples pushed with timestamps).
        _api.Targets[0] = ("dcgm", "node1:9400", "1m");
        AddCounter();
        await using var meter = new PrometheusMeter(Options(), _clock);

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "prometheus: Prometheus scrapes dcgm/node1:9400 every 1m (/api/v1/targets), but Meter:IntervalMs is 5000: set Meter:IntervalMs to 60000. It must be the scrape interval: the protocol's idle pause before each request is 2 x IntervalMs, which the short-window rule relies on.");
    }

    [Fact]
    public async Task MeasureAsync_ScrapesStop_FailsWithTheShortfall()
    {
        // Arrange: the last scrape is at 8.
        _api.Add(Counter, Labels, FakePrometheusApi.Every(5, -47, 8, t => 1_000_000 + (1000 * EnergyJ(t))));
        await using var meter = new PrometheusMeter(Options(), _clock);
        await meter.StartAsync(Ct);

        // Act
        var act = () => meter.MeasureAsync(3, 13, Ct);

        // Assert: waited until 13 + 2 x 5 + 3 x 0.5 s.
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "prometheus covered 50.0% of window [3.000, 13.000] s (1 samples); at least 98% (MinCoverage) is needed: no scrape at or after the window's end arrived within 11.5 s of it (the last sample ends at 8.000 s): is the exporter still scraped every scrape interval?.");
    }

    [Fact]
    public async Task MeasureAsync_MillijoulesReadAsJoules_IsImplausibleAndRefused()
    {
        // Arrange: the DCGM counter (mJ) declared as J makes 250 W look like 250 kW.
        AddCounter();
        await using var meter = new PrometheusMeter(Options(p =>
        {
            p.Preset = PrometheusPresets.Custom;
            p.Domains.Add(new() { Name = Domains.Gpu, Query = Counter, Kind = PrometheusSeriesKinds.Counter, Unit = PrometheusUnits.Joules });
        }), _clock);
        await meter.StartAsync(Ct);

        // Act
        var act = () => meter.MeasureAsync(3, 13, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().StartWith(
            "prometheus reports 250000 W on average over [3.000, 13.000] s, above the plausible 1500 W (MaxPlausiblePowerW): the readings are not trustworthy (is the unit right, e.g. mJ read as J?).");
    }
}

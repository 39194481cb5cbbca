using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering.Prometheus;
using SlmEnergyBench.Unit.Configuration;

namespace SlmEnergyBench.Unit.Metering.Prometheus;

/// <summary>The presets' exact queries, Prometheus durations, and the validation of Meter:Prometheus.</summary>
public sealed class PrometheusConfigurationTests
{
    private static IReadOnlyList<string> Problems(Action<MeterOptions> change)
    {
        var options = new BenchOptions { Models = ["m"] };
        options.Meter.Kind = MeterKinds.Prometheus;
        options.Meter.IntervalMs = 5000;
        change(options.Meter);
        return [.. ConfigValidator.Validate(options, _ => "the test").Where(p => p.StartsWith("Meter:", StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData(PrometheusPresets.Dcgm, "", "gpu = DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (counter, mJ)|fallback gpu = DCGM_FI_DEV_POWER_USAGE (power, W)")]
    [InlineData(PrometheusPresets.Dcgm, "Hostname=\"gpu-node-1\",gpu=\"0\"", "gpu = DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{Hostname=\"gpu-node-1\",gpu=\"0\"} (counter, mJ)|fallback gpu = DCGM_FI_DEV_POWER_USAGE{Hostname=\"gpu-node-1\",gpu=\"0\"} (power, W)")]
    [InlineData(PrometheusPresets.NodeRapl, "instance=\"h:9100\"", "package = node_rapl_package_joules_total{instance=\"h:9100\"} (counter, J)|dram = node_rapl_dram_joules_total{instance=\"h:9100\"} (counter, J) optional")]
    [InlineData(PrometheusPresets.KeplerNode, "instance=\"n1\"", "package = kepler_node_cpu_joules_total{zone=\"package\",instance=\"n1\"} (counter, J)|dram = kepler_node_cpu_joules_total{zone=\"dram\",instance=\"n1\"} (counter, J) optional")]
    [InlineData(PrometheusPresets.KeplerPod, "", "package = kepler_pod_cpu_joules_total{zone=\"package\"} (counter, J, estimated by the exporter)|dram = kepler_pod_cpu_joules_total{zone=\"dram\"} (counter, J, estimated by the exporter) optional")]
    public void Presets_WithASelector_GiveTheseExactQueries(string preset, string selector, string expected)
    {
        // Arrange
        var options = new PrometheusOptions { Preset = preset, Selector = selector };

        // Act
        var domains = PrometheusPresetDomains.Of(options);

        // Assert
        var described = domains.Select(d => d.Describe() + (d.Optional ? " optional" : "") + (d.Fallback is { } f ? "|fallback " + f.Describe() : ""));
        string.Join("|", described).Should().Be(expected);
    }

    [Fact]
    public void Presets_Custom_TakesTheDomainsAsGiven()
    {
        // Arrange
        var options = new PrometheusOptions { Preset = PrometheusPresets.Custom, Selector = "ignored=\"1\"" };
        options.Domains.Add(new() { Name = "gpu", Query = " my_energy{gpu=\"0\"} ", Kind = "counter", Unit = "mJ", Estimated = true, InTotal = false });

        // Act
        var domain = PrometheusPresetDomains.Of(options).Single();

        // Assert
        domain.Describe().Should().Be("gpu = my_energy{gpu=\"0\"} (counter, mJ, estimated by the exporter, not in total)");
    }

    [Theory]
    [InlineData("15s", 15)]
    [InlineData("1m30s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("1h", 3600)]
    public void ParseDuration_PrometheusDurations_GivesSeconds(string text, double seconds) =>
        ScrapeIntervalCheck.ParseDuration(text).Should().Be(seconds);

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("1.5s")]
    public void ParseDuration_NotADuration_GivesNull(string text) =>
        ScrapeIntervalCheck.ParseDuration(text).Should().BeNull();

    [Fact]
    public void Validate_Defaults_HaveNoProblem() => Problems(_ => { }).Should().BeEmpty();

    [Fact]
    public void Validate_BadValues_SayWhatIsAllowed()
    {
        // Act
        var problems = Problems(m =>
        {
            m.Prometheus.Url = "prometheus:9090";
            m.Prometheus.Preset = "dcgm-exporter";
            m.Prometheus.Method = "rate";
            m.Prometheus.ShortWindow = "skip";
            m.Prometheus.Selector = "{gpu=\"0\"}";
        });

        // Assert
        problems.Should().Equal(
            "Meter:Prometheus:Url = 'prometheus:9090' (the test): allowed an absolute http:// or https:// URL of the Prometheus server, e.g. http://127.0.0.1:9090.",
            "Meter:Prometheus:Preset = 'dcgm-exporter' (the test): allowed one of dcgm, kepler-node, kepler-pod, node-rapl, custom.",
            "Meter:Prometheus:Method = 'rate' (the test): allowed one of samples, increase.",
            "Meter:Prometheus:ShortWindow = 'skip' (the test): allowed one of edges, refuse.",
            "Meter:Prometheus:Selector = '{gpu=\"0\"}' (the test): allowed label matchers without braces, e.g. Hostname=\"gpu-node-1\",gpu=\"0\" (the braces are added to each preset's metric).");
    }

    [Fact]
    public void Validate_MeterOverheadProbe_IsRefusedWithTheReason()
    {
        // Arrange
        var options = new BenchOptions { Models = ["m"] };
        options.Meter.Kind = MeterKinds.Prometheus;
        options.Meter.IntervalMs = 5000;
        options.Protocol.MeterOverheadSeconds = 30;

        // Act
        var problems = ConfigValidator.Validate(options, _ => "the test");

        // Assert
        problems.Should().Equal("Protocol:MeterOverheadSeconds = 30 (the test): allowed 0 with Meter:Kind = prometheus: the overhead probe compares the meter at two intervals, and this meter's interval is Prometheus's scrape interval, which the suite does not set (what reading costs the node is the exporter's and Prometheus's own work).");
    }

    [Fact]
    public void Validate_CustomDomains_CheckNameQueryKindAndUnit()
    {
        // Act
        var problems = Problems(m =>
        {
            m.Prometheus.Preset = PrometheusPresets.Custom;
            m.Prometheus.Domains.Add(new() { Name = "total", Query = " ", Kind = "counter", Unit = "W" });
            m.Prometheus.Domains.Add(new() { Name = "gpu", Query = "x[5m]", Kind = "gauge", Unit = "J" });
        });

        // Assert
        problems.Should().Equal(
            "Meter:Prometheus:Domains:0:Name = 'total' (the test): allowed a domain name such as gpu, package or dram (not total, which is the sum of the InTotal domains).",
            "Meter:Prometheus:Domains:0:Query = ' ' (the test): allowed a PromQL series selector such as DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}, without a range [..] (the meter adds it).",
            "Meter:Prometheus:Domains:0:Unit = 'W' (the test): allowed one of J, mJ.",
            "Meter:Prometheus:Domains:1:Query = 'x[5m]' (the test): allowed a PromQL series selector such as DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}, without a range [..] (the meter adds it).",
            "Meter:Prometheus:Domains:1:Kind = 'gauge' (the test): allowed one of counter, power.");
    }

    [Fact]
    public void Validate_CredentialsInTheUrlOrTwoWaysToAuthenticate_AreRefusedWithoutEchoingTheSecret()
    {
        // Act
        var problems = Problems(m =>
        {
            m.Prometheus.Url = "http://bench:hunter2@prom:9090";
            m.Prometheus.BearerTokenVariable = "PROM_TOKEN";
            m.Prometheus.BasicUserVariable = "PROM_USER";
        });

        // Assert
        problems.Should().Equal(
            "Meter:Prometheus:Url = '(a URL with user:password@)' (the test): allowed a URL without credentials: put them in environment variables named by Meter:Prometheus:BasicUserVariable and BasicPasswordVariable.",
            "Meter:Prometheus:BearerTokenVariable = 'PROM_TOKEN' (the test): allowed empty when BasicUserVariable/BasicPasswordVariable are set (one way to authenticate).",
            "Meter:Prometheus:BasicPasswordVariable = '' (the test): allowed set together with BasicUserVariable (the names of the environment variables holding the user and the password).");
        string.Join(" ", problems).Should().NotContain("hunter2");
    }

    [Fact]
    public void Validate_DomainsWithAPreset_AreRefused()
    {
        // Act
        var problems = Problems(m => m.Prometheus.Domains.Add(new() { Name = "gpu", Query = "x" }));

        // Assert
        problems.Should().Equal("Meter:Prometheus:Domains = '[1 domain(s)]' (the test): allowed no domains unless Preset = custom (the dcgm preset has its own queries).");
    }

    [Theory]
    [InlineData("http://bench:hunter2@prom.example:9090/prometheus/", "http://prom.example:9090/prometheus")]
    [InlineData("http://127.0.0.1:9090", "http://127.0.0.1:9090")]
    public void ShownUrl_AnyUrl_HasNoCredentialsNorTrailingSlash(string url, string shown) =>
        PrometheusClient.ShownUrl(url).Should().Be(shown);

    [Fact]
    public void Load_PrometheusKeysFromTheEnvironment_BindToMeterPrometheus()
    {
        // Arrange
        using var repo = TempRepository.WithRealConfig();
        var env = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ENERGYBENCH_PROFILE"] = "gpt4all",
            ["ENERGYBENCH__Meter__Kind"] = "prometheus",
            ["ENERGYBENCH__Meter__IntervalMs"] = "15000",
            ["ENERGYBENCH__Meter__Prometheus__Url"] = "http://prom:9090",
            ["ENERGYBENCH__Meter__Prometheus__Preset"] = "custom",
            ["ENERGYBENCH__Meter__Prometheus__Domains__0__Name"] = "gpu",
            ["ENERGYBENCH__Meter__Prometheus__Domains__0__Query"] = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}",
            ["ENERGYBENCH__Meter__Prometheus__Domains__0__Unit"] = "mJ",
            ["ENERGYBENCH__Meter__Prometheus__BearerTokenVariable"] = "PROM_TOKEN",
        };

        // Act
        var options = ConfigLoader.Load(repo.Root, env).Options.Meter;

        // Assert
        options.Kind.Should().Be(MeterKinds.Prometheus);
        options.Prometheus.Url.Should().Be("http://prom:9090");
        options.Prometheus.Domains.Should().ContainSingle().Which.Should().BeEquivalentTo(new PrometheusDomainOptions
        {
            Name = "gpu",
            Query = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}",
            Kind = PrometheusSeriesKinds.Counter,
            Unit = PrometheusUnits.Millijoules,
            InTotal = true,
        });
        options.Prometheus.BearerTokenVariable.Should().Be("PROM_TOKEN");
        options.Prometheus.Method.Should().Be(PrometheusMethods.Samples);
    }
}

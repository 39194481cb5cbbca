using System.Diagnostics;
using SlmEnergyBench.Harness.Fakes.Prometheus;
using SlmEnergyBench.Unit.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SlmEnergyBench.Unit.Fakes.Prometheus;

public sealed class PrometheusServerTests
{
    [Fact]
    public async Task Start_MissingBinary_SaysHowToInstallIt()
    {
        // Arrange
        var options = new PrometheusServerOptions { Binary = "/nonexistent/prometheus", Targets = [new("energy", "127.0.0.1:9")] };

        // Act
        var start = () => PrometheusServer.StartAsync(options, TestContext.Current.CancellationToken);

        // Assert
        await start.Should().ThrowAsync<PrometheusServerException>()
            .WithMessage("prometheus was not found (no file at /nonexistent/prometheus): install it: apt-get install prometheus (.ci/run installs it).");
    }

    [Fact]
    public void Config_GlobalScrapeSettingsAndOneJobPerTarget()
    {
        // Arrange
        var options = new PrometheusServerOptions
        {
            ScrapeIntervalS = 1,
            ScrapeTimeoutS = 0.8,
            Targets = [new("dcgm", "127.0.0.1:9400"), new("node", "127.0.0.1:9100")],
        };

        // Act
        var yaml = PrometheusConfigFile.Write(options);

        // Assert
        yaml.Should().Be("""
            global:
              scrape_interval: 1000ms
              scrape_timeout: 800ms
            scrape_configs:
              - job_name: "dcgm"
                honor_timestamps: true
                static_configs:
                  - targets: ["127.0.0.1:9400"]
              - job_name: "node"
                honor_timestamps: true
                static_configs:
                  - targets: ["127.0.0.1:9100"]

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Config_TimeoutAboveInterval_IsRefusedSayingWhy()
    {
        // Arrange
        var options = new PrometheusServerOptions { ScrapeIntervalS = 1, ScrapeTimeoutS = 2, Targets = [new("energy", "127.0.0.1:9")] };

        // Act
        var write = () => PrometheusConfigFile.Write(options);

        // Assert
        write.Should().Throw<ArgumentException>().WithMessage("ScrapeTimeoutS (2 s) must not exceed ScrapeIntervalS (1 s): Prometheus refuses such a configuration.");
    }

    [Fact]
    public async Task Start_ThenDispose_ScrapesOnLoopbackAndLeavesNothingBehind()
    {
        // Arrange
        PrometheusRequirement.Require();
        using var exporter = new FakeEnergyExporter(new FakeEnergyExporterOptions { Power = ExporterSetup.Script() });
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var server = await PrometheusServer.StartAsync(new PrometheusServerOptions { Targets = [new("energy", exporter.HostPort)] }, ct);
        var folder = server.Folder;
        var ready = await http.GetAsync(server.Url + "/-/ready", ct);
        var targets = await http.GetStringAsync(server.Url + "/api/v1/targets", ct);
        var folderWhileRunning = Directory.Exists(Path.Combine(folder, "data"));
        var pid = server.ProcessId;
        await server.DisposeAsync();

        // Assert: it listened on 127.0.0.1 with the target up; afterwards the port refuses, the process is gone, the folder too.
        server.Url.Should().StartWith("http://127.0.0.1:");
        ready.IsSuccessStatusCode.Should().BeTrue();
        PrometheusReadiness.UpTargets(targets).Should().Be(1);
        exporter.Scrapes.Should().NotBeEmpty();
        folderWhileRunning.Should().BeTrue();
        Directory.Exists(folder).Should().BeFalse();
        var after = () => http.GetAsync(server.Url + "/-/ready", ct);
        await after.Should().ThrowAsync<HttpRequestException>();
        Process.GetProcesses().Should().NotContain(p => p.Id == pid && p.ProcessName == "prometheus");
    }

    [Fact]
    public async Task IsReady_AnswerSlowerThanTheClientsTimeout_IsNotReadyRatherThanAnError()
    {
        // Arrange: /-/ready answers after 2 s; the client gives up after 0.2 s (a busy machine, as Prometheus starts).
        using var server = LocalServers.StartWireMock();
        server.Given(Request.Create().WithPath("/-/ready").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(0.2) };

        // Act
        var ready = await PrometheusReadiness.IsReadyAsync(http, server.Url!, 1, TestContext.Current.CancellationToken);

        // Assert
        ready.Should().BeFalse();
    }

    [Fact]
    public async Task Start_CancelledWhileWaitingForItsTargets_LeavesNoPrometheusRunning()
    {
        // Arrange: a target where nothing listens, so Prometheus is never ready; the start is cancelled after 1.5 s.
        PrometheusRequirement.Require();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(1.5));
        var closed = new Uri(LocalServers.ClosedBaseUrl());

        // Act
        var start = () => PrometheusServer.StartAsync(new PrometheusServerOptions { Targets = [new("energy", $"127.0.0.1:{closed.Port}")] }, cancel.Token);

        // Assert: the start is cancelled, and no prometheus runs on a folder that is gone (what a process left behind would be).
        await start.Should().ThrowAsync<OperationCanceledException>();
        OrphanedPrometheus().Should().BeEmpty();
    }

    /// <summary>Pids of prometheus processes whose --config.file lies in a folder that no longer exists (Linux /proc).</summary>
    private static List<int> OrphanedPrometheus() =>
    [
        .. Process.GetProcessesByName("prometheus").Where(p =>
        {
            try
            {
                var arguments = File.ReadAllText($"/proc/{p.Id}/cmdline").Split('\0');
                var config = arguments.FirstOrDefault(a => a.StartsWith("--config.file=", StringComparison.Ordinal));
                return config is not null && !Directory.Exists(Path.GetDirectoryName(config["--config.file=".Length..]));
            }
            catch (IOException)
            {
                return false;
            }
        }).Select(p => p.Id),
    ];

    [Fact]
    public async Task Start_ConfigPrometheusRefuses_FailsWithItsLogAndCleansUp()
    {
        // Arrange: two jobs of one name, which Prometheus refuses when it loads the configuration.
        PrometheusRequirement.Require();
        var options = new PrometheusServerOptions { Targets = [new("same", "127.0.0.1:9"), new("same", "127.0.0.1:10")] };
        var before = Directory.GetDirectories(Path.GetTempPath(), "slmbench-prometheus-*").ToHashSet();

        // Act
        var start = () => PrometheusServer.StartAsync(options, TestContext.Current.CancellationToken);

        // Assert
        (await start.Should().ThrowAsync<PrometheusServerException>()).Which.Message
            .Should().Contain("exited with code").And.Contain("found multiple scrape configs with job name");
        Directory.GetDirectories(Path.GetTempPath(), "slmbench-prometheus-*").Should().BeSubsetOf(before);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SlmEnergyBench.Harness.Discovery;
using SlmEnergyBench.Unit.Support;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Discovery;

/// <summary>
/// The probe against stand-ins answering in each real server's shapes, on ports the tests choose (never the real usual
/// ports): each server is told from its answers, even on a port where another one usually listens.
/// </summary>
public sealed class ServerDiscoveryTests
{
    [Fact]
    public void Discover_LlamaServerAsCaptured_IsLlamaCppWithItsBuildAndAlias()
    {
        using var server = StandIns.LlamaServer();

        var found = OnlyServer(server, ServerKinds.LmStudio);

        found.Should().BeEquivalentTo(new FoundServer(ServerKinds.LlamaCpp, Root(server), Root(server) + "/v1", "b11669-Debian",
            ["synthetic-1b-scaled"], []));
    }

    [Fact]
    public void Discover_LlamaServerLoading_IsLlamaCppWithTheLoadingProblem()
    {
        using var server = StandIns.LlamaServerLoading();

        var found = OnlyServer(server, ServerKinds.LlamaCpp);

        found.Kind.Should().Be(ServerKinds.LlamaCpp);
        found.Models.Should().BeEmpty();
        found.Problems.Should().Equal("still loading its model (503 on /health: Loading model)");
    }

    [Fact]
    public void Discover_Ollama_IsOllamaWithItsVersionAndPulledModels()
    {
        using var server = StandIns.Ollama("0.12.6", "llama3.2:1b", "llama3:8b");

        var found = OnlyServer(server, ServerKinds.Vllm);

        found.Should().BeEquivalentTo(new FoundServer(ServerKinds.Ollama, Root(server), Root(server), "0.12.6", ["llama3.2:1b", "llama3:8b"], []));
    }

    [Fact]
    public void Discover_OllamaWithNothingPulled_SaysToPullOne()
    {
        using var server = StandIns.Ollama("0.12.6");

        OnlyServer(server, ServerKinds.Ollama).Problems.Should().Equal(
            "no model pulled: pull one with 'ollama pull <name>', e.g. 'ollama pull llama3.2:1b'");
    }

    [Fact]
    public void Discover_LmStudio_ListsItsLanguageModelsNotItsEmbeddingModels()
    {
        using var server = StandIns.LmStudio(("llama-3.2-1b-instruct", "llm", "loaded"), ("text-embedding-nomic-embed-text-v1.5", "embeddings", "not-loaded"),
            ("meta-llama-3-8b-instruct", "llm", "not-loaded"));

        var found = OnlyServer(server, ServerKinds.Gpt4All);

        found.Should().BeEquivalentTo(new FoundServer(ServerKinds.LmStudio, Root(server), Root(server) + "/v1", null,
            ["llama-3.2-1b-instruct", "meta-llama-3-8b-instruct"], []));
    }

    [Fact]
    public void Discover_LmStudioWithNoModelLoaded_SaysHowToLoadOne()
    {
        using var server = StandIns.LmStudio(("llama-3.2-1b-instruct", "llm", "not-loaded"));

        OnlyServer(server, ServerKinds.LmStudio).Problems.Should().ContainSingle().Which.Should().StartWith("no model loaded: load one with 'lms load <model>'");
    }

    [Fact]
    public void Discover_Vllm_IsVllmWithItsVersion()
    {
        using var server = StandIns.Vllm("0.11.0", "meta-llama/Llama-3.2-1B-Instruct");

        var found = OnlyServer(server, ServerKinds.LlamaCpp);

        found.Should().BeEquivalentTo(new FoundServer(ServerKinds.Vllm, Root(server), Root(server) + "/v1", "0.11.0", ["meta-llama/Llama-3.2-1B-Instruct"], []));
    }

    [Fact]
    public void Discover_Gpt4All_IsGpt4AllWithItsDisplayNames()
    {
        using var server = StandIns.Gpt4All("Llama 3.2 1B Instruct", "Llama 3 8B Instruct");

        var found = OnlyServer(server, ServerKinds.Ollama);

        found.Should().BeEquivalentTo(new FoundServer(ServerKinds.Gpt4All, Root(server), Root(server) + "/v1", null,
            ["Llama 3.2 1B Instruct", "Llama 3 8B Instruct"], []));
    }

    [Fact]
    public void Discover_Gpt4AllWithNoModelInstalled_IsStillGpt4AllByItsEmptyNotFoundAnswers()
    {
        using var server = StandIns.Gpt4All();

        var found = OnlyServer(server, ServerKinds.Gpt4All);

        found.Kind.Should().Be(ServerKinds.Gpt4All);
        found.Problems.Should().Equal("serves no model");
    }

    [Fact]
    public void Discover_OtherOpenAiServerOnLlamaServersPort_IsAnUnknownOpenAiCompatibleServer()
    {
        using var server = StandIns.OtherOpenAi("qwen2.5-0.5b");

        var found = OnlyServer(server, ServerKinds.LlamaCpp);

        found.Kind.Should().Be(ServerKinds.OpenAiCompatible);
        found.Models.Should().Equal("qwen2.5-0.5b");
    }

    [Fact]
    public void Discover_WebServerThatIsNoInferenceServer_SaysWhatAnswered()
    {
        using var server = StandIns.WebPage();

        var report = Discovery(server, ServerKinds.Vllm).Discover(1).Single();

        report.Server.Should().BeNull();
        report.Nothing.Should().Be("answers HTTP (404 on /v1/models) but in no inference server's shape the probe knows");
    }

    [Fact]
    public void Discover_NothingListening_SaysConnectionRefused()
    {
        var port = ClosedPort();

        var report = new ServerDiscovery([new UsualPort(port, ServerKinds.Ollama)]).Discover(1).Single();

        report.Should().Be(new PortReport($"http://127.0.0.1:{port}", port, ServerKinds.Ollama, null, "connection refused"));
    }

    [Fact]
    public void Discover_PortsThatAcceptButNeverAnswer_AreAllAskedAtOnceWithinTheBound()
    {
        using var silentA = new SilentListener();
        using var silentB = new SilentListener();
        using var silentC = new SilentListener();
        var discovery = new ServerDiscovery([new UsualPort(silentA.Port, ServerKinds.LlamaCpp), new UsualPort(silentB.Port, ServerKinds.Vllm),
            new UsualPort(silentC.Port, ServerKinds.Ollama)]);
        var clock = Stopwatch.StartNew();

        var reports = discovery.Discover(0.5);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.4), "three ports of 0.5 s each, asked at once, take 0.5 s, not 1.5 s");
        reports.Select(r => r.Nothing).Should().Equal(Enumerable.Repeat("no answer within 0.5 s", 3));
    }

    [Fact]
    public void Discover_ProbeTimeoutAboveTheCap_IsBoundedByOneSecond()
    {
        using var silent = new SilentListener();
        var discovery = new ServerDiscovery([new UsualPort(silent.Port, ServerKinds.Gpt4All)]);
        var clock = Stopwatch.StartNew();

        var report = discovery.Discover(probeTimeoutSeconds: 30).Single();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.9));
        report.Nothing.Should().Be("no answer within 1 s");
    }

    [Fact]
    public void Discover_CalledAgain_AsksNoPortTwice()
    {
        using var server = StandIns.Ollama("0.12.6", "llama3.2:1b");
        var discovery = Discovery(server, ServerKinds.Ollama);
        discovery.Discover(1);
        var asked = server.LogEntries.Count();

        discovery.Discover(1, [Root(server)]);

        asked.Should().Be(ProbePaths.All.Count);
        server.LogEntries.Should().HaveCount(asked);
    }

    [Fact]
    public void Discover_AnAddressAProfileNames_IsAskedBesideTheUsualPorts()
    {
        using var server = StandIns.Vllm("0.11.0", "m");
        var closed = ClosedPort();

        var reports = new ServerDiscovery([new UsualPort(closed, ServerKinds.Vllm)]).Discover(1, [Root(server)]);

        reports.Select(r => (r.Port, r.UsualKind, r.Server?.Kind)).Should().Equal((closed, ServerKinds.Vllm, null), (server.Port, null, ServerKinds.Vllm));
    }

    private static FoundServer OnlyServer(WireMockServer server, string usualKind)
    {
        var report = Discovery(server, usualKind).Discover(1).Single();
        report.Nothing.Should().BeNull();
        return report.Server!;
    }

    private static ServerDiscovery Discovery(WireMockServer server, string usualKind) => new([new UsualPort(server.Port, usualKind)]);

    private static string Root(WireMockServer server) => $"http://127.0.0.1:{server.Port}";

    private static int ClosedPort() => new Uri(LocalServers.ClosedBaseUrl()).Port;

    /// <summary>Accepts connections and never answers: a hung server.</summary>
    private sealed class SilentListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public SilentListener() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose() => _listener.Stop();
    }
}

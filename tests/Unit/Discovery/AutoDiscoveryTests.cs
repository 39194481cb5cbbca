using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;

namespace SlmEnergyBench.Unit.Discovery;

/// <summary>
/// Profile auto of the repository's own energybench.json choosing among real servers, with the servers' profiles pointed at
/// stand-ins and closed ports the test chooses, and a probe asking those ports as its usual ones.
/// </summary>
public sealed class AutoDiscoveryTests
{
    private static readonly string[] ServerProfiles = ["gpt4all", "ollama", "llamacpp", "lmstudio", "vllm"];

    [Fact]
    public void Load_AutoWithOllamaServingTwoOfItsModels_ChoosesOllamaWithThoseAndSaysWhatItFound()
    {
        using var ollama = StandIns.Ollama("0.12.6", "llama3.2:1b", "llama3:8b", "qwen2.5:0.5b");
        var closed = ClosedPorts(4);
        var ports = new Dictionary<string, int>
        {
            ["gpt4all"] = closed[0],
            ["ollama"] = ollama.Port,
            ["llamacpp"] = closed[1],
            ["lmstudio"] = closed[2],
            ["vllm"] = closed[3],
        };
        using var repo = ServerProfilesRepository.With(ports);

        var config = ConfigLoader.Load(repo.Root, new Dictionary<string, string?>(), new AutoProbe(Discovery(ports)));

        config.Options.Profile.Should().Be("ollama");
        config.Options.Backend.BaseUrl.Should().Be($"http://127.0.0.1:{ollama.Port}");
        config.Options.Models.Should().Equal("llama3.2:1b", "llama3:8b");
        config.ProfileChosenBy.Should().Be(
            $"DefaultProfile of energybench.json (ENERGYBENCH_PROFILE not set): profile 'auto' chose 'ollama' because Ollama 0.12.6 at " +
            $"http://127.0.0.1:{ollama.Port} serves llama3.2:1b, llama3:8b (not served, left out: llama3.2:3b; it serves llama3.2:1b, llama3:8b, qwen2.5:0.5b); " +
            $"not 'gpt4all' because GPT4All does not answer at http://127.0.0.1:{closed[0]}/v1 (connection refused) nor on another usual port. " +
            $"Servers on this machine: found Ollama 0.12.6 at http://127.0.0.1:{ollama.Port} serving llama3.2:1b, llama3:8b, qwen2.5:0.5b; " +
            $"nothing answers on {closed[0]}, {closed[1]}, {closed[2]}, {closed[3]}");
    }

    [Fact]
    public void Load_AutoWithLlamaServerOnAnotherUsualPort_ChoosesLlamacppThereWithItsModel()
    {
        using var llamaServer = StandIns.LlamaServer();
        var closed = ClosedPorts(4);
        var ports = new Dictionary<string, int>
        {
            ["gpt4all"] = closed[0],
            ["ollama"] = closed[1],
            ["llamacpp"] = closed[2],
            ["lmstudio"] = closed[3],
            ["vllm"] = llamaServer.Port,
        };
        using var repo = ServerProfilesRepository.With(ports, llamacppModels: ["llama-3.2-1b-instruct", "synthetic-1b-scaled"]);

        var config = ConfigLoader.Load(repo.Root, new Dictionary<string, string?>(), new AutoProbe(Discovery(ports)));

        config.Options.Profile.Should().Be("llamacpp");
        config.Options.Backend.BaseUrl.Should().Be($"http://127.0.0.1:{llamaServer.Port}/v1");
        config.Options.Models.Should().Equal("synthetic-1b-scaled");
        config.ProfileChosenBy.Should().Contain(
            $"chose 'llamacpp' because llama.cpp llama-server b11669-Debian at http://127.0.0.1:{llamaServer.Port}/v1 " +
            $"(not at the configured http://127.0.0.1:{closed[2]}/v1: connection refused) serves synthetic-1b-scaled");
        config.ProfileChosenBy.Should().Contain($"found llama.cpp llama-server b11669-Debian at http://127.0.0.1:{llamaServer.Port}/v1 serving synthetic-1b-scaled",
            "the server on vLLM's usual port is told from its answers");
    }

    [Fact]
    public void Load_AutoWithEveryUsualPortHung_FallsBackWithinTwoSeconds()
    {
        var silent = Enumerable.Range(0, 5).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        silent.ForEach(l => l.Start());
        try
        {
            var ports = ServerProfiles.Zip(silent, (p, l) => (p, ((IPEndPoint)l.LocalEndpoint).Port)).ToDictionary(x => x.p, x => x.Item2);
            using var repo = ServerProfilesRepository.With(ports);
            var clock = Stopwatch.StartNew();

            var config = ConfigLoader.Load(repo.Root, new Dictionary<string, string?>(), new AutoProbe(Discovery(ports)));

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "every port is asked at once, each for at most 1 s");
            config.Options.Profile.Should().BeOneOf("embedded", "synthetic");
            config.ProfileChosenBy.Should().Contain($"no inference server on {ports["gpt4all"]}: no answer within 1 s");
        }
        finally
        {
            silent.ForEach(l => l.Stop());
        }
    }

    private static ServerDiscovery Discovery(Dictionary<string, int> ports) =>
        new([.. ports.Select(p => new UsualPort(p.Value, KindOf(p.Key)))]);

    private static string KindOf(string profile) => profile switch
    {
        "gpt4all" => ServerKinds.Gpt4All,
        "ollama" => ServerKinds.Ollama,
        "llamacpp" => ServerKinds.LlamaCpp,
        "lmstudio" => ServerKinds.LmStudio,
        _ => ServerKinds.Vllm,
    };

    private static int[] ClosedPorts(int count) => ServerProfilesRepository.ClosedPorts(count);
}

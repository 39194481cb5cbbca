using SlmEnergyBench.Cli;
using SlmEnergyBench.Harness.Discovery;
using SlmEnergyBench.Unit.Configuration;
using SlmEnergyBench.Unit.Discovery;
using Spectre.Console.Testing;

namespace SlmEnergyBench.Unit.Cli;

/// <summary><c>slmbench servers</c> in process, asking stand-ins and closed ports as its usual ports.</summary>
public sealed class ServersCommandTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Servers_NothingAnswers_NamesThePortsAndWhatToStart()
    {
        var closed = ServerProfilesRepository.ClosedPorts(6);
        using var repo = ServerProfilesRepository.With(new Dictionary<string, int>
        {
            ["gpt4all"] = closed[0],
            ["ollama"] = closed[1],
            ["llamacpp"] = closed[2],
            ["lmstudio"] = closed[4],
            ["vllm"] = closed[5],
        });
        var usual = new UsualPort[]
        {
            new(closed[0], ServerKinds.Gpt4All), new(closed[1], ServerKinds.Ollama), new(closed[2], ServerKinds.LlamaCpp),
            new(closed[3], ServerKinds.LlamaCpp), new(closed[4], ServerKinds.LmStudio), new(closed[5], ServerKinds.Vllm),
        };

        var exit = Run(repo, usual, "servers");

        exit.Should().Be(0);
        _error.ToString().Should().BeEmpty();
        _output.ToString().Should().Be(
            $"Nothing answers on {string.Join(", ", closed)} (127.0.0.1). Start one of:\n" +
            $"  GPT4All: Settings > Application > Advanced > Enable Local API Server (port {closed[0]})\n" +
            $"  Ollama: OLLAMA_NUM_PARALLEL=1 OLLAMA_MAX_LOADED_MODELS=1 ollama serve, then ollama pull llama3.2:1b (port {closed[1]})\n" +
            $"  llama.cpp: llama-server -m <model.gguf> --alias <name> --parallel 1 --port 8080 (port {closed[2]} or {closed[3]})\n" +
            $"  LM Studio: lms server start, then lms load <model> (port {closed[4]})\n" +
            $"  vLLM: vllm serve <model> --max-num-seqs 1 (port {closed[5]})\n" +
            "README, \"Runtimes: setting each one up for a fair measurement\", says how to set each up; then run slmbench servers again.\n" +
            "Profile auto takes 'synthetic' (backend llamasharp: llama.cpp in process; models synthetic-1b-scaled, synthetic-3b-scaled, synthetic-8b-scaled).\n");
    }

    [Fact]
    public void Servers_OllamaAndLlamaServer_ListsEachWithVersionModelsAndHowToMeasureIt()
    {
        using var ollama = StandIns.Ollama("0.12.6", "llama3.2:1b", "llama3.2:3b", "llama3:8b");
        using var llamaServer = StandIns.LlamaServer();
        using var web = StandIns.WebPage();
        var closed = ServerProfilesRepository.ClosedPorts(4);
        using var repo = ServerProfilesRepository.With(new Dictionary<string, int>
        {
            ["gpt4all"] = closed[0],
            ["ollama"] = ollama.Port,
            ["llamacpp"] = closed[1],
            ["lmstudio"] = closed[2],
            ["vllm"] = closed[3],
        });
        var usual = new UsualPort[]
        {
            new(closed[0], ServerKinds.Gpt4All), new(ollama.Port, ServerKinds.Ollama), new(closed[1], ServerKinds.LlamaCpp),
            new(llamaServer.Port, ServerKinds.LlamaCpp), new(closed[2], ServerKinds.LmStudio), new(web.Port, ServerKinds.Vllm),
        };

        var exit = Run(repo, usual, "servers");

        exit.Should().Be(0);
        _output.ToString().Should().Be(
            "Inference servers on this machine (127.0.0.1, each port asked for at most 1 s):\n" +
            "\n" +
            "port   usually                  what answers\n" +
            $"{closed[0],-7}GPT4All                  nothing (connection refused)\n" +
            $"{ollama.Port,-7}Ollama                   Ollama 0.12.6 at http://127.0.0.1:{ollama.Port}\n" +
            "       models: llama3.2:1b, llama3.2:3b, llama3:8b\n" +
            "       measure it: ENERGYBENCH_PROFILE=ollama dotnet test --filter Category=Energy\n" +
            $"{closed[1],-7}llama.cpp llama-server   nothing (connection refused)\n" +
            $"{llamaServer.Port,-7}llama.cpp llama-server   llama.cpp llama-server b11669-Debian at http://127.0.0.1:{llamaServer.Port}/v1\n" +
            "       models: synthetic-1b-scaled\n" +
            $"       measure it: ENERGYBENCH_PROFILE=llamacpp ENERGYBENCH__Backend__BaseUrl=http://127.0.0.1:{llamaServer.Port}/v1 ENERGYBENCH__Models=synthetic-1b-scaled dotnet test --filter Category=Energy\n" +
            "       (it serves none of the models of profile llamacpp: llama-3.2-1b-instruct, llama-3.2-3b-instruct, meta-llama-3-8b-instruct)\n" +
            $"{closed[2],-7}LM Studio                nothing (connection refused)\n" +
            $"{web.Port,-7}vLLM                     nothing (answers HTTP (404 on /v1/models) but in no inference server's shape the probe knows)\n" +
            "\n" +
            $"Profile auto takes 'ollama' (backend ollama: http://127.0.0.1:{ollama.Port}; models llama3.2:1b, llama3.2:3b, llama3:8b).\n");
    }

    [Fact]
    public void Servers_ExtraPort_IsAskedAndShownAsAskedWithPort()
    {
        using var vllm = StandIns.Vllm("0.11.0", "meta-llama/Llama-3.2-1B-Instruct");
        var closed = ServerProfilesRepository.ClosedPorts(5);
        using var repo = ServerProfilesRepository.With(new Dictionary<string, int>
        {
            ["gpt4all"] = closed[0],
            ["ollama"] = closed[1],
            ["llamacpp"] = closed[2],
            ["lmstudio"] = closed[3],
            ["vllm"] = closed[4],
        });

        var exit = Run(repo, [new UsualPort(closed[4], ServerKinds.Vllm)], "servers", "--port", vllm.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exit.Should().Be(0);
        _output.ToString().Should().Contain(
            $"{vllm.Port,-7}(asked with --port)      vLLM 0.11.0 at http://127.0.0.1:{vllm.Port}/v1\n" +
            "       models: meta-llama/Llama-3.2-1B-Instruct\n" +
            $"       measure it: ENERGYBENCH_PROFILE=vllm ENERGYBENCH__Backend__BaseUrl=http://127.0.0.1:{vllm.Port}/v1 ENERGYBENCH__Models=meta-llama/Llama-3.2-1B-Instruct dotnet test --filter Category=Energy\n" +
            "       (it serves 1 of the 3 models of profile vllm)\n");
    }

    [Fact]
    public void Servers_PortOutOfRange_IsBadInput()
    {
        using var repo = TempRepository.WithRealConfig();

        var exit = Run(repo, [], "servers", "--port", "70000");

        exit.Should().Be(2);
        _error.ToString().Should().Be("slmbench: --port 70000 is not a TCP port: give 1 to 65535.\n");
    }

    private int Run(TempRepository repo, UsualPort[] usual, params string[] args)
    {
        var host = new RunHost
        {
            Environment = new Dictionary<string, string?>(),
            FindRoot = () => repo.Root,
            Console = new TestConsole(),
            Discovery = new ServerDiscovery(usual),
        };
        return CliApp.Build(_output, _error, _ => [], host: host).Run(args);
    }
}

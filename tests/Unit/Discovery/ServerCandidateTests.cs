using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;

namespace SlmEnergyBench.Unit.Discovery;

/// <summary>A candidate profile judged against what the probe found (reports made by hand).</summary>
public sealed class ServerCandidateTests
{
    private const string OllamaRoot = "http://127.0.0.1:11434";

    [Theory]
    [InlineData(ServerKinds.Ollama, "llama3.2:latest", "llama3.2", true)]
    [InlineData(ServerKinds.Ollama, "llama3.2:1b", "llama3.2", false)]
    [InlineData(ServerKinds.Ollama, "llama3.2:1b", "LLAMA3.2:1B", true)]
    [InlineData(ServerKinds.LmStudio, "llama-3.2-1b-instruct:latest", "llama-3.2-1b-instruct", false)]
    [InlineData(ServerKinds.Vllm, "meta-llama/Llama-3.2-1B-Instruct", " meta-llama/Llama-3.2-1B-Instruct ", true)]
    public void Serves_ServedAndConfiguredNames_MatchByTheServersRule(string kind, string served, string configured, bool expected) =>
        ServerCandidate.Serves(kind, served, configured).Should().Be(expected);

    [Fact]
    public void Judge_OllamaServingTheUntaggedName_KeepsTheConfiguredName()
    {
        var options = Options(BackendKinds.Ollama, OllamaRoot, "llama3.2", "llama3:8b");
        var reports = new[] { Found(11434, ServerKinds.Ollama, OllamaRoot, OllamaRoot, "llama3.2:latest") };

        var verdict = ServerCandidate.Judge(options, reports);

        verdict.Should().Be(Harness.Availability.Yes(
            "Ollama 0.12.6 at http://127.0.0.1:11434 serves llama3.2 (not served, left out: llama3:8b; it serves llama3.2:latest)"));
        options.Models.Should().Equal("llama3.2");
    }

    [Fact]
    public void Judge_OpenAiWithFlavorAuto_TakesNoGpt4AllWhichCannotStream()
    {
        var options = Options(BackendKinds.OpenAi, "http://127.0.0.1:4891/v1", "Llama 3.2 1B Instruct");
        var reports = new[] { Found(4891, ServerKinds.Gpt4All, "http://127.0.0.1:4891", "http://127.0.0.1:4891/v1", "Llama 3.2 1B Instruct") };

        var verdict = ServerCandidate.Judge(options, reports);

        verdict.Should().Be(Harness.Availability.No(
            "no OpenAI-compatible server answers at http://127.0.0.1:4891/v1 (GPT4All 0.12.6 answers there) nor on another usual port"));
    }

    [Fact]
    public void Judge_ServerServingNoneOfTheModels_SaysWhatItServesAndWhatToDo()
    {
        var options = Options(BackendKinds.OpenAi, "http://127.0.0.1:8080/v1", "llama-3.2-1b-instruct");
        options.Backend.Flavor = OpenAiFlavors.LlamaCpp;
        var reports = new[] { Found(8080, ServerKinds.LlamaCpp, "http://127.0.0.1:8080", "http://127.0.0.1:8080/v1", "synthetic-1b-scaled") };

        var verdict = ServerCandidate.Judge(options, reports);

        verdict.Should().Be(Harness.Availability.No(
            "llama.cpp llama-server 0.12.6 at http://127.0.0.1:8080/v1 serves none of llama-3.2-1b-instruct (it serves synthetic-1b-scaled); " +
            "start llama-server with '-m <file.gguf> --alias <name>' or name the one it serves (ENERGYBENCH__Models)"));
        options.Models.Should().Equal("llama-3.2-1b-instruct");
    }

    [Fact]
    public void Judge_ServerWithAProblem_IsChosenAndTheProblemIsSaid()
    {
        var options = Options(BackendKinds.OpenAi, "http://127.0.0.1:8080/v1", "m");
        var reports = new[]
        {
            new PortReport("http://127.0.0.1:8080", 8080, ServerKinds.LlamaCpp,
                new FoundServer(ServerKinds.LlamaCpp, "http://127.0.0.1:8080", "http://127.0.0.1:8080/v1", null, ["m"], ["still loading its model (503 on /health: Loading model)"]), null),
        };

        var verdict = ServerCandidate.Judge(options, reports);

        verdict.Should().Be(Harness.Availability.Yes(
            "llama.cpp llama-server at http://127.0.0.1:8080/v1 serves m; still loading its model (503 on /health: Loading model)"));
    }

    private static PortReport Found(int port, string kind, string root, string api, params string[] models) =>
        new(root, port, kind, new FoundServer(kind, root, api, "0.12.6", models, []), null);

    private static BenchOptions Options(string kind, string baseUrl, params string[] models) => new()
    {
        Profile = "candidate",
        Backend = new BackendOptions { Kind = kind, BaseUrl = baseUrl },
        Models = [.. models],
    };
}

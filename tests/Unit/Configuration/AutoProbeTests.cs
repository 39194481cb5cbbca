using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Discovery;
using SlmEnergyBench.Unit.Discovery;
using SlmEnergyBench.Unit.Support;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Configuration;

/// <summary>The real probe of profile auto, against a stand-in GPT4All (and Ollama) and a stand-in GPT4All model folder.</summary>
public sealed class AutoProbeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gpt4all-models-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Probe_EmbeddedWithOneGpt4AllFilePresent_ChoosesItAndNarrowsTheModels()
    {
        File.WriteAllText(Path.Combine(_folder, "Llama-3.2-3B-Instruct-Q4_0.gguf"), "GGUF");
        var options = Options(BackendKinds.LlamaSharp);

        var verdict = AutoProbe.Instance.Probe(options, _folder);

        verdict.IsAvailable.Should().BeTrue();
        options.Models.Should().Equal("Llama 3.2 3B Instruct");
        verdict.Reason.Should().Be($"GPT4All's model files are in {_folder} for Llama 3.2 3B Instruct (not found, left out: Llama 3.2 1B Instruct, Llama 3 8B Instruct)");
    }

    [Fact]
    public void Probe_EmbeddedWithNoFiles_SaysWhereItLooked()
    {
        var verdict = AutoProbe.Instance.Probe(Options(BackendKinds.LlamaSharp), _folder);

        verdict.IsAvailable.Should().BeFalse();
        verdict.Reason.Should().Contain(_folder);
    }

    [Fact]
    public void Probe_SyntheticModels_NeedNothing()
    {
        var options = Options(BackendKinds.LlamaSharp);
        options.Models = ["synthetic-1b-scaled"];

        AutoProbe.Instance.Probe(options, _folder).IsAvailable.Should().BeTrue();
    }

    [Fact]
    public void Probe_Gpt4AllServingOneConfiguredModel_ChoosesItWithThatModelOnly()
    {
        using var server = StandIns.Gpt4All("Llama 3 8B Instruct", "Reasoner v1");
        WarmUp(server);
        var options = Options(BackendKinds.Gpt4All, server.Url + "/v1");

        var verdict = NoUsualPorts().Probe(options, _folder);

        verdict.IsAvailable.Should().BeTrue();
        options.Models.Should().Equal("Llama 3 8B Instruct");
        verdict.Reason.Should().Be($"GPT4All at {server.Url}/v1 serves Llama 3 8B Instruct (not served, left out: Llama 3.2 1B Instruct, " +
                                   "Llama 3.2 3B Instruct; it serves Llama 3 8B Instruct, Reasoner v1)");
    }

    [Fact]
    public void Probe_Gpt4AllServingNoneOfTheModels_IsNotChosen()
    {
        using var server = StandIns.Gpt4All("Reasoner v1");
        WarmUp(server);

        var verdict = NoUsualPorts().Probe(Options(BackendKinds.Gpt4All, server.Url + "/v1"), _folder);

        verdict.IsAvailable.Should().BeFalse();
        verdict.Reason.Should().Contain("serves none of").And.Contain("Reasoner v1");
    }

    [Fact]
    public void Probe_Gpt4AllNotListening_IsNotChosen()
    {
        var verdict = NoUsualPorts().Probe(Options(BackendKinds.Gpt4All, LocalServers.ClosedBaseUrl()), _folder);

        verdict.IsAvailable.Should().BeFalse();
        verdict.Reason.Should().Contain("does not answer").And.Contain("connection refused");
    }

    [Fact]
    public void Probe_OtherServerAtGpt4AllsAddress_IsNotTakenForGpt4All()
    {
        using var server = StandIns.Ollama("0.12.6", "Llama 3 8B Instruct");
        WarmUp(server);

        var verdict = NoUsualPorts().Probe(Options(BackendKinds.Gpt4All, server.Url + "/v1"), _folder);

        verdict.IsAvailable.Should().BeFalse();
        verdict.Reason.Should().Be($"GPT4All does not answer at {server.Url}/v1 (Ollama 0.12.6 answers there) nor on another usual port");
    }

    /// <summary>The real probe asking only the addresses the options name: never the real usual ports of this machine.</summary>
    private static AutoProbe NoUsualPorts() => new(new ServerDiscovery([]));

    /// <summary>
    /// One request to <paramref name="server"/> the way the probe makes it, so that the probe's own request, bounded by
    /// at most 1 s, finds both ends compiled: a first request's JIT work can take seconds on a loaded machine.
    /// </summary>
    private static void WarmUp(WireMockServer server)
    {
        using var http = new HttpClient();
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, server.Url + "/v1/models"), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private BenchOptions Options(string kind, string baseUrl = "http://127.0.0.1:4891/v1") => new()
    {
        Profile = "candidate",
        Backend = new BackendOptions { Kind = kind, BaseUrl = baseUrl, ProbeTimeoutSeconds = 3 },
        Embedded = new EmbeddedOptions { ModelFolder = _folder },
        Models = ["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Llama 3 8B Instruct"],
    };
}

using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Ollama;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Fakes.Ollama;
using SlmEnergyBench.Harness.Fakes.OpenAi;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Makes the client of one backend section (<see cref="BackendOptions.Kind"/>), starting the in-process fake server first for a
/// fake kind. Every fake of a session shares one busy file, so the fake meter's power follows whichever fake is busy.
/// </summary>
internal static class BackendFactory
{
    /// <param name="backend">The backend section (the profile's, or one runtime's).</param>
    /// <param name="fake">The fake's models, speeds and powers (for a fake kind).</param>
    /// <param name="config">The whole configuration (the in-process engine's section, the repository root).</param>
    /// <param name="clock">Times every request.</param>
    /// <param name="busyFile">The fakes' shared busy file (see <see cref="BusyFile"/>).</param>
    /// <param name="runtime">The runtime's name, or null in a run of one runtime.</param>
    /// <param name="owned">Receives what the session must dispose (servers, clients, engines).</param>
    public static RuntimeBackend Create(BackendOptions backend, FakeOptions fake, LoadedConfiguration config, SessionClock clock,
        string busyFile, string? runtime, List<IDisposable> owned)
    {
        switch (backend.Kind)
        {
            case BackendKinds.FakeGpt4All:
                var server = FakeGpt4AllServer.Start(fake, busyFile);
                owned.Add(server);
                var fakeClient = new Gpt4AllClient(WithBaseUrl(backend, server.BaseUrl), clock);
                owned.Add(fakeClient);
                return new RuntimeBackend(runtime, fakeClient, "fake GPT4All (in-process WireMock server)", Simulated: true);
            case BackendKinds.LlamaSharp:
                var o = config.Options;
                var cache = config.Resolve(o.Embedded.SyntheticCacheDirectory);
                var resolver = new EmbeddedModelResolver(o.Embedded, config.RepositoryRoot, SyntheticModelSource.For(cache));
                var engine = new LlamaSharpBackend(o.Embedded, resolver, clock);
                owned.Add(engine);
                return new RuntimeBackend(runtime, engine, engine.Name, Simulated: false);
            case BackendKinds.Gpt4All:
                var client = new Gpt4AllClient(backend, clock);
                owned.Add(client);
                return new RuntimeBackend(runtime, client, client.Name, Simulated: false);
            case BackendKinds.FakeOpenAi:
                var fakeServer = FakeOpenAiServer.Start(fake, backend.Flavor, busyFile);
                owned.Add(fakeServer);
                // The client is not told which server the fake imitates: it tells it from the answers, as with a real server.
                var fakeOpenAi = new OpenAiClient(WithBaseUrl(backend, fakeServer.BaseUrl, OpenAiFlavors.Auto), clock);
                owned.Add(fakeOpenAi);
                return new RuntimeBackend(runtime, fakeOpenAi, fakeServer.Label, Simulated: true, fakeServer.Script);
            case BackendKinds.OpenAi:
                var openAi = new OpenAiClient(backend, clock);
                owned.Add(openAi);
                return new RuntimeBackend(runtime, openAi, openAi.Name, Simulated: false);
            case BackendKinds.FakeOllama:
                var ollamaFake = FakeOllamaServer.Start(fake, busyFile);
                owned.Add(ollamaFake);
                var ollamaFakeClient = new OllamaClient(WithBaseUrl(backend, ollamaFake.BaseUrl), clock);
                owned.Add(ollamaFakeClient);
                return new RuntimeBackend(runtime, ollamaFakeClient, "fake Ollama (in-process WireMock server)", Simulated: true, ollamaFake.Script);
            case BackendKinds.Ollama:
                var ollama = new OllamaClient(backend, clock);
                owned.Add(ollama);
                return new RuntimeBackend(runtime, ollama, ollama.Name, Simulated: false);
            default:
                throw new ConfigurationException([$"Backend:Kind = '{backend.Kind}' is not one of: {string.Join(", ", BackendKinds.All)}."]);
        }
    }

    /// <summary>A copy of <paramref name="backend"/> pointing at <paramref name="baseUrl"/> (a fake's own port), with <paramref name="flavor"/> when given.</summary>
    public static BackendOptions WithBaseUrl(BackendOptions backend, string baseUrl, string? flavor = null) => new()
    {
        Kind = backend.Kind,
        BaseUrl = baseUrl,
        Endpoint = backend.Endpoint,
        TimeoutSeconds = backend.TimeoutSeconds,
        ProbeTimeoutSeconds = backend.ProbeTimeoutSeconds,
        Flavor = flavor ?? backend.Flavor,
        KeepAlive = backend.KeepAlive,
        LoadWaitSeconds = backend.LoadWaitSeconds,
        Stream = backend.Stream,
    };
}

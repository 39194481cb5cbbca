using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Ollama;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Backends.Ollama;

/// <summary>Hand-written WireMock answers in Ollama's shapes (docs/api.md, docs/api/errors.mdx), and a client pointed at them.</summary>
internal static class OllamaStub
{
    public const string Model = "llama3.2";

    /// <summary>docs/api.md's final object of a streamed /api/chat answer (durations in ns).</summary>
    public const string DocsFinal =
        """{"model":"llama3.2","created_at":"2023-12-12T14:13:43Z","response":"","done":true,"done_reason":"stop","total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}""";

    public static OllamaClient Client(WireMockServer server, string endpoint = Endpoints.Completions, bool stream = true, double timeoutSeconds = 30) =>
        Client(server.Url!, endpoint, stream, timeoutSeconds);

    public static OllamaClient Client(string baseUrl, string endpoint = Endpoints.Completions, bool stream = true, double timeoutSeconds = 30) =>
        new(new BackendOptions
        {
            Kind = BackendKinds.Ollama,
            BaseUrl = baseUrl,
            Endpoint = endpoint,
            Stream = stream,
            KeepAlive = "30m",
            TimeoutSeconds = timeoutSeconds,
            ProbeTimeoutSeconds = 30,
        }, new SessionClock());

    public static CompletionRequest Request(string model = Model) => new(model, "Why is the sky blue?", 1024, 0.7);

    /// <summary>Token lines of /api/generate, as docs/api/streaming.mdx shows them.</summary>
    public static string Lines(params string[] tokens) =>
        string.Concat(tokens.Select(t => $$"""{"model":"llama3.2","created_at":"2025-10-26T17:15:24.097767Z","response":"{{t}}","done":false}""" + "\n"));

    public static void OnPost(WireMockServer server, string path, int status, string body, string contentType = "application/x-ndjson", TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (delay is { } d)
            response = response.WithDelay(d);
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingPost()).RespondWith(response);
    }

    public static void OnGet(WireMockServer server, string path, string body) =>
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));
}

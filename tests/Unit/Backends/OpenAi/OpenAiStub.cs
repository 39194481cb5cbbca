using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Backends.OpenAi;

/// <summary>Hand-written answers in the real servers' shapes (llama.cpp tools/server/README.md; lmstudio.ai/docs REST API v0; vLLM), served raw by WireMock.</summary>
internal static class OpenAiStub
{
    public const string Model = "Llama-3.2-1B-Instruct-Q4_K_M";

    public static OpenAiClient Client(WireMockServer server, string flavor, string endpoint = Endpoints.Chat, bool stream = true, double loadWaitS = 30, double timeoutS = 30) =>
        new(new BackendOptions
        {
            Kind = BackendKinds.OpenAi,
            BaseUrl = server.Url + "/v1",
            Flavor = flavor,
            Endpoint = endpoint,
            Stream = stream,
            TimeoutSeconds = timeoutS,
            ProbeTimeoutSeconds = 30,
            LoadWaitSeconds = loadWaitS,
        }, new SessionClock());

    public static CompletionRequest Request(string model = Model) => new(model, "Name three units of energy.", 64, 0.7);

    /// <summary>SSE text: each event as given, separated by blank lines.</summary>
    public static string Sse(params string[] events) => string.Concat(events.Select(e => e + "\n\n"));

    public static void On(WireMockServer server, string method, string path, int status, string body, string contentType = "application/json")
    {
        var request = WireMock.RequestBuilders.Request.Create().WithPath(path);
        request = method == "GET" ? request.UsingGet() : request.UsingPost();
        server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
    }

    /// <summary>A chat chunk as llama-server writes it (keys in its order).</summary>
    public static string LlamaChunk(string choice, string extra = "") =>
        $"data: {{\"choices\":[{choice}],\"created\":1757141666,\"id\":\"chatcmpl-ecQULm0WqPrftUqjPZO1CFYeDjGZNbDu\",\"model\":\"{Model}\",\"system_fingerprint\":\"b6400-0c8b5bd6\",\"object\":\"chat.completion.chunk\"{extra}}}";
}

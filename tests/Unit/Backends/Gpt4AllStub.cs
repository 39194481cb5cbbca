using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Backends;

/// <summary>Raw WireMock stubs in GPT4All's shapes, and a client pointed at them.</summary>
internal static class Gpt4AllStub
{
    public const string Model = "Llama 3.2 1B Instruct";

    /// <summary>
    /// A client of <paramref name="server"/>; GPT4All's built-in catalogue unless <paramref name="catalog"/> is given (never this
    /// machine's). Its timeouts run on <paramref name="time"/> (the system clock by default). The default probe timeout is
    /// generous: the stub answers at once, and only a starved machine could make a first request to it take seconds.
    /// </summary>
    public static Gpt4AllClient Client(WireMockServer server, string endpoint = Endpoints.Completions, double timeoutSeconds = 30, double probeSeconds = 30,
        Gpt4AllModelCatalog? catalog = null, TimeProvider? time = null) =>
        Client(server.Url + "/v1", endpoint, timeoutSeconds, probeSeconds, catalog, time);

    public static Gpt4AllClient Client(string baseUrl, string endpoint = Endpoints.Completions, double timeoutSeconds = 30, double probeSeconds = 30,
        Gpt4AllModelCatalog? catalog = null, TimeProvider? time = null) =>
        new(new BackendOptions { BaseUrl = baseUrl, Endpoint = endpoint, TimeoutSeconds = timeoutSeconds, ProbeTimeoutSeconds = probeSeconds }, new SessionClock(time),
            catalog: catalog ?? Gpt4AllModelCatalog.BuiltIn);

    public static CompletionRequest Request(string model = Model, double? topP = null) =>
        new(model, "Name three units of energy.", 1024, 0.7, topP);

    public static string Completion(string model = Model, string text = " Joules, calories and kilowatt-hours.", bool usage = true)
    {
        var body = new JsonObject
        {
            ["choices"] = new JsonArray(new JsonObject { ["finish_reason"] = "stop", ["index"] = 0, ["logprobs"] = null, ["references"] = null, ["text"] = text }),
            ["created"] = 1730000000,
            ["id"] = "placeholder",
            ["model"] = model,
            ["object"] = "text_completion",
        };
        if (usage)
            body["usage"] = new JsonObject { ["completion_tokens"] = 9, ["prompt_tokens"] = 8, ["total_tokens"] = 17 };
        return body.ToJsonString();
    }

    public static void OnPost(WireMockServer server, string path, int status, string body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (delay is { } d)
            response = response.WithDelay(d);
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingPost()).RespondWith(response);
    }

    public static void OnModels(WireMockServer server, string body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
        if (delay is { } d)
            response = response.WithDelay(d);
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1/models").UsingGet()).RespondWith(response);
    }
}

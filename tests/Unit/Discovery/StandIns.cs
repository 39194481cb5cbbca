using System.Text.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Unit.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Discovery;

/// <summary>
/// WireMock servers answering the probe's GETs in each real server's shapes (llama-server's answers are captured from a
/// real one: Debian's llama.cpp 0.7.0, build b11669, serving a synthetic model with --alias synthetic-1b-scaled), each
/// with its own answer to a path it does not have, which is part of how the probe tells them apart.
/// </summary>
internal static class StandIns
{
    private static string Capture(string name) =>
        File.ReadAllText(Path.Combine(TestRepository.Root, "tests", "Unit", "Discovery", "Captures", name));

    /// <summary>llama-server as captured: Server header llama.cpp, /health, /props with build_info, /v1/models; JSON 404s.</summary>
    public static WireMockServer LlamaServer()
    {
        var server = Start(404, Capture("llama-server-404.json"), "application/json; charset=utf-8", serverHeader: "llama.cpp");
        Json(server, "/health", 200, Capture("llama-server-health.json"), "llama.cpp");
        Json(server, "/props", 200, Capture("llama-server-props.json"), "llama.cpp");
        Json(server, "/v1/models", 200, Capture("llama-server-models.json"), "llama.cpp");
        return server;
    }

    /// <summary>llama-server while it loads its model: 503 with its error body on /health and the API (llama.cpp server's <c>unavailable_error</c>).</summary>
    public static WireMockServer LlamaServerLoading() =>
        Start(503, """{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}""", "application/json; charset=utf-8", serverHeader: "llama.cpp");

    /// <summary>Ollama: /api/version, /api/tags (docs.ollama.com/api/tags), its OpenAI-compatible /v1/models; Go's plain-text 404.</summary>
    public static WireMockServer Ollama(string version, params string[] models)
    {
        var server = Start(404, "404 page not found", "text/plain");
        Json(server, "/api/version", 200, $$"""{"version":"{{version}}"}""");
        var tags = new JsonArray([.. models.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m,
            ["model"] = m,
            ["modified_at"] = "2026-10-03T23:34:03.409490317-07:00",
            ["size"] = 1321098329,
            ["digest"] = "baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878",
            ["details"] = new JsonObject { ["parent_model"] = "", ["format"] = "gguf", ["family"] = "llama", ["families"] = new JsonArray("llama"), ["parameter_size"] = "1.2B", ["quantization_level"] = "Q8_0" },
        })]);
        Json(server, "/api/tags", 200, new JsonObject { ["models"] = tags }.ToJsonString());
        Json(server, "/v1/models", 200, OpenAiList(models, "library"));
        return server;
    }

    /// <summary>LM Studio: its own /api/v0/models (lmstudio.ai/docs/api/rest-api) with each model's type and state, /v1/models owned by organization_owner; its 200 "Unexpected endpoint" answer elsewhere.</summary>
    public static WireMockServer LmStudio(params (string Id, string Type, string State)[] models)
    {
        var server = Start(200, """{"error":"Unexpected endpoint or method. (GET /)"}""", "application/json; charset=utf-8");
        var own = new JsonArray([.. models.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["object"] = "model",
            ["type"] = m.Type,
            ["publisher"] = "lmstudio-community",
            ["arch"] = "llama",
            ["compatibility_type"] = "gguf",
            ["quantization"] = "Q4_K_M",
            ["state"] = m.State,
            ["max_context_length"] = 131072,
        })]);
        Json(server, "/api/v0/models", 200, new JsonObject { ["object"] = "list", ["data"] = own }.ToJsonString());
        Json(server, "/v1/models", 200, OpenAiList(models.Select(m => m.Id), "organization_owner"));
        return server;
    }

    /// <summary>vLLM: /version, /v1/models owned by vllm with max_model_len, /health 200 empty; FastAPI's 404.</summary>
    public static WireMockServer Vllm(string version, params string[] models)
    {
        var server = Start(404, """{"detail":"Not Found"}""", "application/json");
        Json(server, "/version", 200, $$"""{"version":"{{version}}"}""");
        Json(server, "/health", 200, "");
        var data = new JsonArray([.. models.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m,
            ["object"] = "model",
            ["created"] = 1764000000,
            ["owned_by"] = "vllm",
            ["root"] = m,
            ["parent"] = null,
            ["max_model_len"] = 8192,
        })]);
        Json(server, "/v1/models", 200, new JsonObject { ["object"] = "list", ["data"] = data }.ToJsonString());
        return server;
    }

    /// <summary>GPT4All: /v1/models in its shape (the suite's fake GPT4All's <see cref="FakeJson"/>), 404 with an empty body elsewhere.</summary>
    public static WireMockServer Gpt4All(params string[] models)
    {
        var server = Start(404, "", null);
        Json(server, "/v1/models", 200, FakeJson.Serialize(FakeJson.ModelList(models)));
        return server;
    }

    /// <summary>Some other OpenAI-compatible server (SGLang, LocalAI, Jan...): a model list owned by someone the probe does not know.</summary>
    public static WireMockServer OtherOpenAi(params string[] models)
    {
        var server = Start(404, """{"error":"not found"}""", "application/json");
        Json(server, "/v1/models", 200, OpenAiList(models, "someone"));
        return server;
    }

    /// <summary>A web server that is no inference server: an HTML 404 everywhere.</summary>
    public static WireMockServer WebPage() => Start(404, "<html><body>Not Found</body></html>", "text/html");

    private static string OpenAiList(IEnumerable<string> ids, string owner) => JsonSerializer.Serialize(new
    {
        @object = "list",
        data = ids.Select(id => new { id, @object = "model", created = 1764000000, owned_by = owner }),
    });

    private static WireMockServer Start(int otherStatus, string otherBody, string? contentType, string? serverHeader = null)
    {
        var server = LocalServers.StartWireMock();
        var response = Response.Create().WithStatusCode(otherStatus).WithBody(otherBody);
        if (contentType is not null)
            response = response.WithHeader("Content-Type", contentType);
        if (serverHeader is not null)
            response = response.WithHeader("Server", serverHeader);
        server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(response);
        return server;
    }

    private static void Json(WireMockServer server, string path, int status, string body, string? serverHeader = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body).WithHeader("Content-Type", "application/json; charset=utf-8");
        if (serverHeader is not null)
            response = response.WithHeader("Server", serverHeader);
        server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(1).RespondWith(response);
    }
}

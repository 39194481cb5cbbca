using System.Text.Json.Nodes;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// The body of <c>POST /api/generate</c> (<c>prompt</c>) or <c>/api/chat</c> (one user message), docs/api.md: <c>model</c>,
/// <c>stream</c>, <c>keep_alive</c> (so the model stays loaded between cases), and under <c>options</c> exactly
/// <c>num_predict</c> (max tokens), <c>temperature</c>, <c>seed</c>, and <c>top_p</c> when set. Nothing else, so every other
/// sampler setting is the model's own default (which <see cref="OllamaSettings"/> reads from <c>/api/show</c>).
/// </summary>
internal static class OllamaRequestBody
{
    public static JsonObject Create(CompletionRequest request, bool chat, bool stream, string keepAlive)
    {
        var options = new JsonObject
        {
            ["num_predict"] = request.MaxTokens,
            ["temperature"] = request.Temperature,
            ["seed"] = (long)request.Seed,
        };
        if (request.TopP is { } topP)
            options["top_p"] = topP;

        var body = new JsonObject { ["model"] = request.Model };
        if (chat)
            body["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt });
        else
            body["prompt"] = request.Prompt;
        body["stream"] = stream;
        body["keep_alive"] = OllamaKeepAlive.ToJson(keepAlive);
        body["options"] = options;
        return body;
    }
}

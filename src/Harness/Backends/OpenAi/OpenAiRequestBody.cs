using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// The JSON body of <c>POST /v1/completions</c> (<c>prompt</c>) or <c>/v1/chat/completions</c> (<c>messages</c>, one user
/// message). Streaming asks for <c>stream_options: {include_usage: true}</c> (OpenAI's spec: a last chunk with
/// <c>choices: []</c> and <c>usage</c>; vLLM sends usage only then). llama-server also gets <c>cache_prompt: false</c>, so a
/// repeated prompt is evaluated again rather than taken from its prompt cache (tools/server/README.md, <c>cache_prompt</c>).
/// </summary>
internal static class OpenAiRequestBody
{
    public static JsonObject Create(CompletionRequest request, string endpoint, string flavor, bool stream)
    {
        var body = new JsonObject { ["model"] = request.Model };
        if (endpoint == Endpoints.Chat)
            body["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt });
        else
            body["prompt"] = request.Prompt;
        body["max_tokens"] = request.MaxTokens;
        body["temperature"] = request.Temperature;
        if (request.TopP is { } topP)
            body["top_p"] = topP;
        body["seed"] = request.Seed;
        body["stream"] = stream;
        if (stream)
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        if (flavor == OpenAiFlavors.LlamaCpp)
            body["cache_prompt"] = false;
        return body;
    }
}

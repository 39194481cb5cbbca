using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>Builds the JSON body GPT4All accepts: only fields it knows, or it answers 400.</summary>
internal static class Gpt4AllRequestBody
{
    public static JsonObject Create(CompletionRequest request, string endpoint)
    {
        var body = new JsonObject { ["model"] = request.Model };
        if (endpoint == Endpoints.Chat)
        {
            body["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt });
        }
        else
        {
            body["prompt"] = request.Prompt;
        }

        // Always sent: GPT4All's own default is 16 tokens.
        body["max_tokens"] = request.MaxTokens;
        body["temperature"] = request.Temperature;
        if (request.TopP is { } topP)
            body["top_p"] = topP;
        return body;
    }
}

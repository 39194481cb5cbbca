using System.Text.Json;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// A completion request as a fake OpenAI-compatible server reads it: <c>model</c>, <c>prompt</c> (completions) or the
/// <c>messages</c>' contents joined by new lines (chat), <c>max_tokens</c> (absent = until the model stops), <c>stream</c>,
/// <c>stream_options.include_usage</c>.
/// </summary>
internal sealed record FakeOpenAiRequest(string Model, string Prompt, int? MaxTokens, bool Stream, bool IncludeUsage, bool Chat, double? Temperature = null)
{
    /// <summary>The request, or null with the 400 message when the body is not one.</summary>
    public static FakeOpenAiRequest? TryParse(string? body, bool chat, out string error)
    {
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body ?? "");
        }
        catch (JsonException e)
        {
            error = $"Failed to parse the request body as JSON: {e.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                error = "The request body must be a JSON object";
            else if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
                error = "'model' is required and must be a string";
            else if ((chat ? Messages(root) : String(root, "prompt")) is not { } prompt)
                error = chat ? "'messages' must be a non-empty array of {role, content}" : "'prompt' is required and must be a string";
            else if (root.TryGetProperty("max_tokens", out var max) && !(max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var m) && m >= 1))
                error = "'max_tokens' must be an integer >= 1";
            else
                return new FakeOpenAiRequest(model.GetString()!, prompt, ReadMaxTokens(root), Bool(root, "stream"), ReadIncludeUsage(root), chat,
                    root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null);
            return null;
        }
    }

    private static int? ReadMaxTokens(JsonElement root) => root.TryGetProperty("max_tokens", out var max) ? max.GetInt32() : null;

    private static bool Bool(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static bool ReadIncludeUsage(JsonElement root) =>
        root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object && Bool(options, "include_usage");

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Messages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return null;
        var contents = new List<string>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || String(message, "content") is not { } content)
                return null;
            contents.Add(content);
        }

        return string.Join("\n", contents);
    }
}

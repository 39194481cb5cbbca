using System.Text.Json;
using SlmEnergyBench.Harness.Backends.Ollama;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// A <c>POST /api/generate</c> or <c>/api/chat</c> body the fake accepted. <see cref="Prompt"/> is the chat messages' contents
/// joined by newlines for chat; empty means "load the model" (Ollama's answer to a request without a prompt).
/// <see cref="NumPredict"/> is <c>options.num_predict</c> (null or at most 0: no limit, Ollama's -1); <see cref="KeepAlive"/>
/// is <c>keep_alive</c> (<see cref="Timeout.InfiniteTimeSpan"/> = forever; Ollama's 5 minutes when absent).
/// </summary>
internal sealed record FakeOllamaRequest(string Model, string Prompt, bool Chat, bool Stream, int? NumPredict, TimeSpan KeepAlive, double? Temperature = null)
{
    /// <summary>The request, or null with the message of Ollama's 400 (<c>{"error": ...}</c>).</summary>
    public static FakeOllamaRequest? TryParse(string? body, bool chat, out string error)
    {
        error = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "{}" : body);
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                error = "invalid JSON: expected an object";
            else if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || model.GetString()!.Length == 0)
                error = "model is required";
            else if (KeepAliveOf(root) is not { } keepAlive)
                error = "time: invalid duration " + root.GetProperty("keep_alive").GetRawText();
            else if ((chat ? Messages(root) : PromptOf(root)) is not { } prompt)
                error = chat ? "invalid messages: expected an array of {role, content}" : "invalid prompt: expected a string";
            else
                return new FakeOllamaRequest(model.GetString()!, prompt, chat, StreamOf(root), NumPredictOf(root), keepAlive, TemperatureOf(root));
            return null;
        }
    }

    private static bool StreamOf(JsonElement root) =>
        !root.TryGetProperty("stream", out var stream) || stream.ValueKind != JsonValueKind.False;

    private static double? TemperatureOf(JsonElement root) =>
        root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("temperature", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static int? NumPredictOf(JsonElement root) =>
        root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("num_predict", out var value) && value.TryGetInt32(out var n) && n > 0 ? n : null;

    private static TimeSpan? KeepAliveOf(JsonElement root)
    {
        if (!root.TryGetProperty("keep_alive", out var value) || value.ValueKind == JsonValueKind.Null)
            return OllamaKeepAlive.Default;
        return value.ValueKind switch
        {
            JsonValueKind.Number => OllamaKeepAlive.FromSeconds(value.GetDouble()),
            JsonValueKind.String => OllamaKeepAlive.TryParseGoDuration(value.GetString()),
            _ => null,
        };
    }

    private static string? PromptOf(JsonElement root)
    {
        if (!root.TryGetProperty("prompt", out var prompt) || prompt.ValueKind == JsonValueKind.Null)
            return "";
        return prompt.ValueKind == JsonValueKind.String ? prompt.GetString() : null;
    }

    private static string? Messages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null)
            return "";
        if (messages.ValueKind != JsonValueKind.Array)
            return null;
        var contents = new List<string>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
                return null;
            contents.Add(content.GetString()!);
        }

        return string.Join("\n", contents);
    }
}

using System.Text.Json;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// GPT4All's request validation (server.cpp, 3.3 to 3.10): only known keys, some refused outright, typed values.
/// Returns the accepted request, or the message of the 400 it answers.
/// </summary>
internal static class FakeRequestRules
{
    public const int DefaultMaxTokens = 16;

    private static readonly HashSet<string> Common = ["model", "max_tokens", "temperature", "top_p", "min_p", "n", "user"];
    private static readonly HashSet<string> Refused = ["stream", "stream_options", "stop", "seed", "tools", "response_format", "logprobs"];
    private static readonly HashSet<string> Penalties = ["presence_penalty", "frequency_penalty"];

    public static FakeCompletionRequest? TryAccept(string? body, bool chat, out string error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body ?? "");
        }
        catch (JsonException)
        {
            error = "We could not parse the JSON body of your request.";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "We could not parse the JSON body of your request: expected a JSON object.";
                return null;
            }

            error = FirstKeyProblem(root, chat) ?? "";
            return error.Length > 0 ? null : Read(root, chat, out error);
        }
    }

    private static string? FirstKeyProblem(JsonElement root, bool chat)
    {
        foreach (var property in root.EnumerateObject())
        {
            var key = property.Name;
            if (Refused.Contains(key))
                return $"'{key}' is not supported";
            if (Penalties.Contains(key))
            {
                if (property.Value.ValueKind != JsonValueKind.Number || property.Value.GetDouble() != 0)
                    return $"'{key}' is not supported";
                continue;
            }

            var known = Common.Contains(key) || (chat ? key == "messages" : key is "prompt" or "echo");
            if (!known)
                return $"Unrecognized request argument supplied: {key}";
        }

        return null;
    }

    private static FakeCompletionRequest? Read(JsonElement root, bool chat, out string error)
    {
        error = "";
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
            error = "Missing required argument: model (a string)";
        else if (!TryMaxTokens(root, out var maxTokens))
            error = "Invalid 'max_tokens': expected an integer >= 1";
        else if (!InRange(root, "temperature", 0, 2))
            error = "Invalid 'temperature': expected a number between 0 and 2";
        else if (!InRange(root, "top_p", 0, 1) || !InRange(root, "min_p", 0, 1))
            error = "Invalid 'top_p' or 'min_p': expected a number between 0 and 1";
        else if ((chat ? Messages(root) : Prompt(root)) is not { } prompt)
            error = chat ? "Invalid 'messages': expected a non-empty array of {role, content} with string content" : "Missing required argument: prompt (a string)";
        else
            return new FakeCompletionRequest(model.GetString()!, prompt, maxTokens, !chat && root.TryGetProperty("echo", out var echo) && echo.ValueKind == JsonValueKind.True,
                root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null);

        return null;
    }

    private static bool TryMaxTokens(JsonElement root, out int maxTokens)
    {
        maxTokens = DefaultMaxTokens;
        if (!root.TryGetProperty("max_tokens", out var value))
            return true;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out maxTokens) && maxTokens >= 1;
    }

    private static bool InRange(JsonElement root, string key, double min, double max) =>
        !root.TryGetProperty(key, out var value)
        || (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= min && number <= max);

    private static string? Prompt(JsonElement root) =>
        root.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String ? prompt.GetString() : null;

    private static string? Messages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
            return null;
        var contents = new List<string>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String
                || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
                return null;
            contents.Add(content.GetString()!);
        }

        return string.Join("\n", contents);
    }
}

using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>The parts of a GPT4All completion the harness uses, read defensively.</summary>
internal sealed record Gpt4AllResponse(string Model, string Text, string FinishReason, int? PromptTokens, int? CompletionTokens)
{
    /// <summary>Parses a completion or chat completion; returns the problem instead when the body is unusable.</summary>
    public static Gpt4AllResponse? TryParse(string body, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            problem = $"the body is not valid JSON ({ex.Message})";
            return null;
        }

        using (document)
        {
            return TryRead(document.RootElement, out problem);
        }
    }

    private static Gpt4AllResponse? TryRead(JsonElement root, out string problem)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"the body is a JSON {root.ValueKind}, not an object";
            return null;
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            problem = "it has no 'choices' (missing, not an array, or empty)";
            return null;
        }

        var choice = choices[0];
        var text = choice.ValueKind == JsonValueKind.Object ? ReadText(choice) : null;
        if (text is null)
        {
            problem = "choices[0] has neither a string 'text' nor a string 'message.content'";
            return null;
        }

        var model = String(root, "model");
        if (model is null)
        {
            problem = "it has no string 'model', so the served model cannot be checked";
            return null;
        }

        root.TryGetProperty("usage", out var usage);
        problem = "";
        return new Gpt4AllResponse(model, text, String(choice, "finish_reason") ?? "", Int(usage, "prompt_tokens"), Int(usage, "completion_tokens"));
    }

    private static string? ReadText(JsonElement choice)
    {
        if (String(choice, "text") is { } text)
            return text;
        return choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
            ? String(message, "content")
            : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count)
            ? count
            : null;
}

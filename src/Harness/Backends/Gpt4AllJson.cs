using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>Reads the small GPT4All bodies besides completions: OpenAI-style errors and the model list.</summary>
internal static class Gpt4AllJson
{
    /// <summary><c>error.message</c> of an OpenAI-style error body, or null.</summary>
    public static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>id</c>s of <c>GET /v1/models</c>'s <c>data</c>, or null when the body is not such a list.</summary>
    public static IReadOnlyList<string>? ModelIds(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                return null;
            return [.. data.EnumerateArray()
                .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(m => m.GetProperty("id").GetString()!)];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

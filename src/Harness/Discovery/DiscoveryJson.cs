using System.Text.Json;

namespace SlmEnergyBench.Harness.Discovery;

/// <summary>Reads the few fields of the servers' answers the probe needs; anything that is not the expected JSON reads as null.</summary>
internal static class DiscoveryJson
{
    /// <summary>The root object of <paramref name="body"/>, or null when it is not a JSON object.</summary>
    public static JsonElement? Object(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The string property <paramref name="name"/> of <paramref name="element"/>, or null.</summary>
    public static string? String(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The objects of the array property <paramref name="name"/> (e.g. <c>data</c>, <c>models</c>), or null when there is no such array.</summary>
    public static IReadOnlyList<JsonElement>? Objects(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)]
            : null;

    /// <summary><c>data</c> of an OpenAI-style model list (<c>GET /v1/models</c>), or null when <paramref name="body"/> is not one.</summary>
    public static IReadOnlyList<JsonElement>? OpenAiModels(string body) => Objects(Object(body), "data");

    /// <summary>The message of an error body: OpenAI-style <c>error.message</c>, or <c>error</c> as a string (Ollama, LM Studio).</summary>
    public static string? ErrorMessage(string body)
    {
        var root = Object(body);
        if (root is not { } e || !e.TryGetProperty("error", out var error))
            return null;
        return error.ValueKind switch
        {
            JsonValueKind.String => error.GetString(),
            JsonValueKind.Object => String(error, "message"),
            _ => null,
        };
    }
}

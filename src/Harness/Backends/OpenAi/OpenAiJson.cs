using System.Globalization;
using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>Tolerant readers of the JSON the OpenAI-compatible servers send: a missing or mistyped field is null, never an exception.</summary>
internal static class OpenAiJson
{
    /// <summary>The document, or null when <paramref name="text"/> is not JSON.</summary>
    public static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static int? Int(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>
    /// The error an answer carries, in any of the servers' shapes: <c>{"error":{"message":...}}</c> (OpenAI, llama-server,
    /// LM Studio, vLLM 0.10+), <c>{"error":"..."}</c> (LM Studio's unknown route), <c>{"object":"error","message":...}</c>
    /// (older vLLM); null when it is none of them.
    /// </summary>
    public static string? Error(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (root.TryGetProperty("error", out var error))
        {
            return error.ValueKind switch
            {
                JsonValueKind.String => error.GetString(),
                JsonValueKind.Object => String(error, "message") ?? error.GetRawText(),
                _ => error.GetRawText(),
            };
        }

        // Compared in place: every chunk of a stream passes here, and its "object" (e.g. text_completion) is not kept.
        return root.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String && kind.ValueEquals("error")
            ? String(root, "message") ?? root.GetRawText()
            : null;
    }

    /// <summary>The error of a whole body (see <see cref="Error(JsonElement)"/>), or null when the body is no JSON error.</summary>
    public static string? Error(string body)
    {
        using var document = TryParse(body);
        return document is null ? null : Error(document.RootElement);
    }

    /// <summary>A number as the server wrote it, shortened to float precision where it was a float (0.800000011920929 → 0.8).</summary>
    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => ((float)value.GetDouble()).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}

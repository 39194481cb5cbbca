using System.Text.Json;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// Parses and validates Alpaca JSON: an array of objects with a string <c>instruction</c> and optional string
/// <c>input</c> and <c>output</c>. Says where a file is truncated or invalid.
/// </summary>
internal static class AlpacaDataset
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The items, or throws <see cref="PromptLoadException"/> naming <paramref name="source"/> and the cause.</summary>
    public static IReadOnlyList<AlpacaItem> Parse(ReadOnlySpan<byte> json, string source)
    {
        if (json.StartsWith(Utf8Bom))
            json = json[Utf8Bom.Length..];
        CheckComplete(json, source);
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
            throw new PromptLoadException($"{source} is not an Alpaca dataset: the JSON is a {root.ValueKind}, not an array of items.");

        var items = new List<AlpacaItem>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
            items.Add(Read(element, items.Count, source));
        return items;
    }

    private static AlpacaItem Read(JsonElement element, int index, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new PromptLoadException($"{source}: item {index} is a {element.ValueKind}, not an object with 'instruction'.");
        if (!element.TryGetProperty("instruction", out var instruction) || instruction.ValueKind != JsonValueKind.String)
            throw new PromptLoadException($"{source}: item {index} has no string 'instruction'.");
        _ = OptionalString(element, "output", index, source);
        return new AlpacaItem(instruction.GetString()!, OptionalString(element, "input", index, source));
    }

    private static string OptionalString(JsonElement element, string name, int index, string source)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return "";
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PromptLoadException($"{source}: item {index} has a '{name}' that is a {value.ValueKind}, not a string.");
    }

    /// <summary>Reads the whole text as a stream would arrive, to tell a cut-off file from a malformed one.</summary>
    private static void CheckComplete(ReadOnlySpan<byte> json, string source)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                    break;
            }
        }
        catch (JsonException ex)
        {
            throw new PromptLoadException(
                $"{source} is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of that line: {ex.Message}", ex);
        }

        if (reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.None or JsonTokenType.StartArray or JsonTokenType.StartObject)
            throw new PromptLoadException($"{source} is truncated: the JSON stops at byte {json.Length} before its end (incomplete download or cut file).");
        if (json[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).Length > 0)
            throw new PromptLoadException($"{source} is not valid JSON: unexpected data after the end of the array at byte {reader.BytesConsumed}.");
    }
}

using System.Text.Json;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// Parses and validates an Alpaca dataset in either form it is distributed in, told apart by content (not by file
/// extension): a JSON array of items (<c>[{"instruction": ..., "input": ..., "output": ...}, ...]</c>, as
/// tatsu-lab and AlpacaDataCleaned ship it) or JSON Lines (one item object per line, as many variants ship it).
/// An item has a string <c>instruction</c> and optional string <c>input</c> and <c>output</c>. Every error names
/// the source, the line and the accepted formats, and tells a cut-off file from a malformed one.
/// </summary>
internal static class AlpacaDataset
{
    /// <summary>The formats accepted, as every format error states them.</summary>
    public const string Formats =
        "a JSON array of Alpaca items ([{\"instruction\": \"...\", \"input\": \"...\", \"output\": \"...\"}, ...]) " +
        "or JSON Lines (one such {\"instruction\": ...} object per line)";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Blank => " \t\r\n"u8;

    /// <summary>The items, or throws <see cref="PromptLoadException"/> naming <paramref name="source"/>, the line and the cause.</summary>
    public static IReadOnlyList<AlpacaItem> Parse(ReadOnlySpan<byte> data, string source)
    {
        if (data.StartsWith(Utf8Bom))
            data = data[Utf8Bom.Length..];
        var start = data.IndexOfAnyExcept(Blank);
        if (start < 0)
            throw Format(source, "is empty");
        return data[start] switch
        {
            (byte)'[' => ParseArray(data, source),
            (byte)'{' => ParseLines(data, source),
            _ => throw Format(source, $"line {new LineCounter(data).LineAt(start)} starts with '{(char)data[start]}', which begins neither form"),
        };
    }

    private static List<AlpacaItem> ParseArray(ReadOnlySpan<byte> data, string source)
    {
        var lines = new LineCounter(data);
        var items = new List<AlpacaItem>();
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state: default);
        try
        {
            reader.Read();
            while (true)
            {
                if (!reader.Read())
                    throw Truncated(source, data.Length, lines.LineAt(data.Length));
                if (reader.TokenType == JsonTokenType.EndArray)
                    break;
                var line = lines.LineAt((int)reader.TokenStartIndex);
                if (!JsonDocument.TryParseValue(ref reader, out var element))
                    throw Truncated(source, data.Length, lines.LineAt(data.Length));
                using (element)
                    items.Add(Read(element.RootElement, items.Count, line, source));
            }
        }
        catch (JsonException e)
        {
            throw NotJson(source, e);
        }

        var rest = data[(int)reader.BytesConsumed..];
        var after = rest.IndexOfAnyExcept(Blank);
        if (after >= 0)
        {
            throw Format(source, $"has more data after the end of its array, at line {lines.LineAt((int)reader.BytesConsumed + after)}; " +
                                 "a JSON array file holds one array, and a file of one item per line must not start with '['");
        }

        return items;
    }

    private static List<AlpacaItem> ParseLines(ReadOnlySpan<byte> data, string source)
    {
        var items = new List<AlpacaItem>();
        var line = 0;
        var rest = data;
        while (rest.Length > 0)
        {
            line++;
            var end = rest.IndexOf((byte)'\n');
            var text = (end < 0 ? rest : rest[..end]).Trim(Blank);
            var isLast = end < 0;
            rest = isLast ? [] : rest[(end + 1)..];
            if (text.IsEmpty)
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text.ToArray());
            }
            catch (JsonException e)
            {
                if (isLast && IsCutOff(text))
                    throw Truncated(source, data.Length, line);
                throw Format(source, $"line {line} is not one complete JSON object ({e.Message}); in JSON Lines each line holds one whole item", e);
            }

            using (document)
                items.Add(Read(document.RootElement, items.Count, line, source));
        }

        return items;
    }

    private static AlpacaItem Read(JsonElement element, int index, int line, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Format(source, $"line {line}: item {index} is a {element.ValueKind}, not an object with 'instruction'");
        if (!element.TryGetProperty("instruction", out var instruction) || instruction.ValueKind != JsonValueKind.String)
            throw Format(source, $"line {line}: item {index} has no string 'instruction'");
        _ = OptionalString(element, "output", index, line, source);
        return new AlpacaItem(instruction.GetString()!, OptionalString(element, "input", index, line, source), line);
    }

    private static string OptionalString(JsonElement element, string name, int index, int line, string source)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return "";
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Format(source, $"line {line}: item {index} has a '{name}' that is a {value.ValueKind}, not a string");
    }

    /// <summary>True when <paramref name="json"/> is valid so far but stops before its value ends, as a cut download does.</summary>
    private static bool IsCutOff(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    return false;
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static PromptLoadException Format(string source, string problem, Exception? inner = null)
    {
        var message = $"{source} {problem}. Accepted: {Formats}.";
        return inner is null ? new PromptLoadException(message) : new PromptLoadException(message, inner);
    }

    private static PromptLoadException NotJson(string source, JsonException e) => new(
        $"{source} is not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of that line: {e.Message} Accepted: {Formats}.", e);

    private static PromptLoadException Truncated(string source, int bytes, int line) =>
        new($"{source} is truncated: the JSON stops at byte {bytes} (line {line}) before its end (incomplete download or cut file).");

    /// <summary>Line numbers (1-based) of byte offsets, counted once up to the furthest offset asked.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;
        private int _line = 1;

        public int LineAt(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += _data[_offset..offset].Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}

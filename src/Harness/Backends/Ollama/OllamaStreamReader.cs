using System.Text;
using System.Text.Json;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// Reads Ollama's NDJSON stream line by line, stamping each line's arrival on the session clock as it is read. A line whose
/// text (<c>response</c> for /api/generate, <c>message.content</c> for /api/chat) is not empty is one arrival carrying one
/// token (Ollama sends one line per token); the final object (<c>"done": true</c>) ends the answer and counts as an arrival
/// only if it carries text (Ollama's does not). Counts what has arrived, so a timeout or a break can say how far the answer got.
/// </summary>
internal sealed class OllamaStreamReader(SessionClock clock, bool chat)
{
    /// <summary>The longest line read, 1 MiB: a token line is about 100 bytes, a final object with its context a few hundred kB at most.</summary>
    public const int MaxLineChars = 1024 * 1024;

    private readonly List<ChunkArrival> _arrivals = [];
    private readonly StringBuilder _text = new();

    /// <summary>Lines read so far.</summary>
    public int Lines { get; private set; }

    /// <summary>Content-bearing lines so far, with their arrival (s, session clock).</summary>
    public IReadOnlyList<ChunkArrival> Arrivals => _arrivals;

    /// <summary>The answer's text so far.</summary>
    public string Text => _text.ToString();

    /// <summary>When the last line arrived (s, session clock); null before the first.</summary>
    public double? LastLineS { get; private set; }

    /// <summary>
    /// Reads until the final object and returns it. Throws <see cref="OllamaStreamException"/> for an <c>{"error":...}</c> line,
    /// a line that is not Ollama's JSON, or a stream that ends without <c>"done": true</c>; and what the stream throws
    /// (<see cref="IOException"/>, <see cref="HttpRequestException"/>, <see cref="OperationCanceledException"/>).
    /// </summary>
    public async Task<OllamaFinal> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var atS = clock.Now;
            Lines++;
            LastLineS = atS;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (line.Length > MaxLineChars)
                throw new OllamaStreamException($"line {Lines} is {line.Length} characters long, more than the {MaxLineChars} an Ollama line can be: this is not Ollama's NDJSON stream");
            if (ReadLine(line, atS) is { } final)
                return final;
        }

        throw new OllamaStreamException(
            $"the stream ended after {Lines} line(s) and {_arrivals.Count} token(s) without Ollama's final object (\"done\": true): the server stopped or the connection was closed before the answer was complete");
    }

    /// <summary>Reads a whole non-streamed body (<c>"stream": false</c>): one final object holding the whole text.</summary>
    public OllamaFinal ReadWhole(string body)
    {
        Lines = 1;
        var final = ReadLine(body.Trim(), clock.Now);
        return final ?? throw new OllamaStreamException("the answer is not Ollama's final object (\"done\": true is missing)");
    }

    private OllamaFinal? ReadLine(string line, double atS)
    {
        using var json = Parse(line);
        var root = json.RootElement;
        if (root.TryGetProperty("error", out var error))
            throw new OllamaStreamException(error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText(), serverError: true);

        var content = chat
            ? root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
              && message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null
            : root.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (!string.IsNullOrEmpty(content))
        {
            _arrivals.Add(new ChunkArrival(atS, 1));
            _text.Append(content);
        }

        return root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True ? OllamaFinal.From(root) : null;
    }

    private JsonDocument Parse(string line)
    {
        try
        {
            var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
                return json;
            json.Dispose();
        }
        catch (JsonException)
        {
        }

        throw new OllamaStreamException($"line {Lines} is not a JSON object as Ollama sends: '{OllamaMessages.Snippet(line)}'");
    }
}

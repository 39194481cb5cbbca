using System.Text;
using System.Text.Json;
using SlmEnergyBench.Harness.Backends.Streaming;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// An answer as it is read, from one JSON body or from the chunks of a stream: the text, the model, the finish reason, the
/// server's usage and extras (llama-server's <c>timings</c>, LM Studio's <c>stats</c>), and for a stream each content-bearing
/// chunk's arrival on the session clock.
/// </summary>
internal sealed class OpenAiAnswer
{
    private readonly StringBuilder _text = new();
    private readonly List<ChunkArrival> _arrivals = [];

    public string Text => _text.ToString();

    /// <summary>The first non-empty <c>model</c> the server named.</summary>
    public string? Model { get; private set; }

    /// <summary>The last <c>finish_reason</c> given (it may ride on the last content chunk or come alone with <c>delta:{}</c>).</summary>
    public string? FinishReason { get; private set; }

    public int? PromptTokens { get; private set; }

    public int? CompletionTokens { get; private set; }

    /// <summary>llama-server's <c>timings</c> (the last one sent).</summary>
    public JsonElement? Timings { get; private set; }

    /// <summary>LM Studio's <c>stats</c> (the last one sent).</summary>
    public JsonElement? Stats { get; private set; }

    public IReadOnlyList<ChunkArrival> Arrivals => _arrivals;

    /// <summary>JSON events read (chunks, or 1 for a whole body).</summary>
    public int Events { get; private set; }

    /// <summary>Whether the stream ended with <c>data: [DONE]</c>.</summary>
    public bool SawDone { get; set; }

    /// <summary>
    /// Takes in one chunk (<paramref name="streamed"/>: <c>choices[].delta.content</c> or <c>choices[].text</c>) or one whole
    /// body (<c>choices[].message.content</c> or <c>choices[].text</c>) that arrived at <paramref name="atS"/>. Only choice
    /// index 0 counts (a missing index is 0); <c>choices</c> may be empty (the usage chunk) or absent. Returns the error the
    /// JSON carries instead of an answer (see <see cref="OpenAiJson.Error(JsonElement)"/>), else null.
    /// </summary>
    public string? Take(JsonElement root, bool streamed, double atS)
    {
        if (OpenAiJson.Error(root) is { } error)
            return error;
        Events++;
        // Read once per chunk of a stream (1024 times for a 1024-token answer): no string is made that is not kept.
        if (Model is null && OpenAiJson.String(root, "model") is { Length: > 0 } model)
            Model = model;
        if (root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object && (OpenAiJson.Int(choice, "index") ?? 0) == 0)
                    TakeChoice(choice, streamed, atS);
            }
        }

        if (OpenAiJson.Object(root, "usage") is { } usage)
        {
            PromptTokens = OpenAiJson.Int(usage, "prompt_tokens") ?? PromptTokens;
            CompletionTokens = OpenAiJson.Int(usage, "completion_tokens") ?? CompletionTokens;
        }

        if (OpenAiJson.Object(root, "timings") is { } timings)
            Timings = timings.Clone();
        if (OpenAiJson.Object(root, "stats") is { } stats)
            Stats = stats.Clone();
        return null;
    }

    private void TakeChoice(JsonElement choice, bool streamed, double atS)
    {
        var holder = OpenAiJson.Object(choice, streamed ? "delta" : "message");
        var content = (holder is { } h ? OpenAiJson.String(h, "content") : null) ?? OpenAiJson.String(choice, "text");
        // A reasoning model's thinking tokens are output tokens too (they come first): they count as arrivals, not as text.
        var reasoning = holder is { } r ? OpenAiJson.String(r, "reasoning_content") : null;
        if (!string.IsNullOrEmpty(content))
            _text.Append(content);
        if (streamed && (!string.IsNullOrEmpty(content) || !string.IsNullOrEmpty(reasoning)))
            _arrivals.Add(new ChunkArrival(atS, 1));
        if (OpenAiJson.String(choice, "finish_reason") is { Length: > 0 } finish)
            FinishReason = finish;
    }
}

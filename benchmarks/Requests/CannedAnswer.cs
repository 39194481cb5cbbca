using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// A server's whole answer to one completion request, built once as bytes (<see cref="InstantServer"/> sends them at once):
/// llama-server's SSE stream of <c>/v1/completions</c> or GPT4All's one JSON body, in the shapes of
/// shared/reference/inference-servers.md, with <c>N</c> output tokens of English text (one word a token).
/// </summary>
/// <param name="ContentType">The <c>Content-Type</c> header: <c>text/event-stream</c> or <c>application/json</c>.</param>
/// <param name="Bytes">The body, UTF-8.</param>
/// <param name="Text">The answer's text (the output tokens joined), what a client must read out of <see cref="Bytes"/>.</param>
/// <param name="ChunkedLength">Whether the server sends no <c>Content-Length</c> (llama-server streams chunked; GPT4All's Qt server sends a length).</param>
public sealed record CannedAnswer(string ContentType, byte[] Bytes, string Text, bool ChunkedLength)
{
    /// <summary>The prompt tokens both answers report (the prompt of <see cref="RequestOverheadBenchmarks"/> is about this long).</summary>
    public const int PromptTokens = 40;

    private const string Words = "The energy a small language model uses to answer depends on the prompt length the number of tokens it generates " +
                                 "and how the runtime schedules the work across cores so a fair comparison measures each request alone on an idle machine";

    private const long Created = 1764547200;

    /// <summary>
    /// llama-server's stream for <paramref name="tokens"/> output tokens of <paramref name="model"/>: one <c>text_completion</c>
    /// chunk per token (<c>choices[0].text</c>), a finish chunk (<c>finish_reason: length</c>), the usage chunk
    /// (<c>choices: []</c>, asked by <c>stream_options.include_usage</c>) carrying llama-server's <c>timings</c> (ms), then
    /// <c>data: [DONE]</c>; events end with a blank line.
    /// </summary>
    public static CannedAnswer LlamaServerStream(string model, int tokens)
    {
        var pieces = Pieces(tokens);
        var sse = new StringBuilder();
        foreach (var piece in pieces)
            Event(sse, Chunk(model, Choice(piece, finish: null)));
        Event(sse, Chunk(model, Choice("", finish: "length")));
        var usage = Chunk(model, null);
        usage["usage"] = Usage(tokens);
        usage["timings"] = new JsonObject
        {
            ["cache_n"] = 0,
            ["prompt_n"] = PromptTokens,
            ["prompt_ms"] = 30.9,
            ["prompt_per_token_ms"] = 30.9 / PromptTokens,
            ["prompt_per_second"] = PromptTokens / 30.9 * 1000,
            ["predicted_n"] = tokens,
            ["predicted_ms"] = tokens * 18.9,
            ["predicted_per_token_ms"] = 18.9,
            ["predicted_per_second"] = 1000 / 18.9,
        };
        Event(sse, usage);
        sse.Append("data: [DONE]\n\n");
        return new CannedAnswer("text/event-stream", Encoding.UTF8.GetBytes(sse.ToString()), string.Concat(pieces), ChunkedLength: true);
    }

    /// <summary>
    /// GPT4All's body for <paramref name="tokens"/> output tokens of <paramref name="model"/> (<c>/v1/completions</c>, keys
    /// sorted as GPT4All writes them, <c>finish_reason: length</c>, <c>usage</c>).
    /// </summary>
    public static CannedAnswer Gpt4AllBody(string model, int tokens)
    {
        var pieces = Pieces(tokens);
        var text = string.Concat(pieces);
        var body = new JsonObject
        {
            ["choices"] = new JsonArray(new JsonObject { ["finish_reason"] = "length", ["index"] = 0, ["logprobs"] = null, ["references"] = null, ["text"] = text }),
            ["created"] = Created,
            ["id"] = "placeholder",
            ["model"] = model,
            ["object"] = "text_completion",
            ["usage"] = Usage(tokens),
        };
        return new CannedAnswer("application/json", Encoding.UTF8.GetBytes(body.ToJsonString()), text, ChunkedLength: false);
    }

    /// <summary><paramref name="tokens"/> output tokens, each a word with its leading space (the first without).</summary>
    public static IReadOnlyList<string> Pieces(int tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokens);
        var words = Words.Split(' ');
        return [.. Enumerable.Range(0, tokens).Select(i => (i == 0 ? "" : " ") + words[i % words.Length])];
    }

    private static void Event(StringBuilder sse, JsonObject chunk) => sse.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");

    private static JsonObject Choice(string text, string? finish) =>
        new() { ["text"] = text, ["index"] = 0, ["logprobs"] = null, ["finish_reason"] = finish };

    private static JsonObject Chunk(string model, JsonObject? choice) => new()
    {
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
        ["created"] = Created,
        ["model"] = model,
        ["system_fingerprint"] = "b7100-0f2bb5c5",
        ["object"] = "text_completion",
        ["id"] = "cmpl-" + Created.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonObject Usage(int tokens) => new()
    {
        ["completion_tokens"] = tokens,
        ["prompt_tokens"] = PromptTokens,
        ["total_tokens"] = PromptTokens + tokens,
    };
}

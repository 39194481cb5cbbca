using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// One answer a fake OpenAI-compatible server gives: its script (when each token goes out), its text cut into tokens, and
/// the JSON of each chunk or of the whole body in the imitated server's shape.
/// </summary>
internal sealed class FakeOpenAiAnswer(string flavor, FakeOpenAiRequest request, FakeTokenScript script, IReadOnlyList<string> pieces, string finishReason,
    bool lmStudioRoute, long created)
{
    private readonly string _id = (request.Chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid().ToString("N")[..24];

    public FakeTokenScript Script { get; } = script;

    public IReadOnlyList<string> Pieces { get; } = pieces;

    public string FinishReason { get; } = finishReason;

    /// <summary>The first chunk of a chat stream: the role alone, no content.</summary>
    public JsonObject RoleChunk() => Chunk(Choice(new JsonObject { ["role"] = "assistant", ["content"] = null }, text: null, finish: null));

    public JsonObject ContentChunk(string piece) => Chunk(Choice(new JsonObject { ["content"] = piece }, piece, finish: null));

    /// <summary>The finish reason alone (chat: with <c>delta:{}</c>).</summary>
    public JsonObject FinishChunk() => Chunk(Choice([], "", FinishReason));

    /// <summary>The usage chunk (<c>stream_options.include_usage</c>): <c>choices: []</c>.</summary>
    public JsonObject UsageChunk()
    {
        var chunk = Chunk(null);
        chunk["usage"] = Usage();
        return chunk;
    }

    /// <summary>The server's extras on the last chunk or the body: llama-server's <c>timings</c>, LM Studio's <c>stats</c> on its /api/v0 routes.</summary>
    public void AddExtras(JsonObject last)
    {
        ArgumentNullException.ThrowIfNull(last);
        if (flavor == OpenAiFlavors.LlamaCpp)
            last["timings"] = FakeOpenAiShapes.Timings(Script);
        if (flavor == OpenAiFlavors.LmStudio && lmStudioRoute)
            last["stats"] = FakeOpenAiShapes.Stats(Script, FinishReason);
    }

    /// <summary>The whole answer as one body (<c>stream: false</c>).</summary>
    public JsonObject Body()
    {
        var text = string.Concat(Pieces);
        var choice = request.Chat
            ? new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["logprobs"] = null, ["finish_reason"] = FinishReason }
            : new JsonObject { ["index"] = 0, ["text"] = text, ["logprobs"] = null, ["finish_reason"] = FinishReason };
        var body = Envelope(request.Chat ? "chat.completion" : "text_completion", new JsonArray(choice));
        body["usage"] = Usage();
        AddExtras(body);
        return body;
    }

    private JsonObject Usage() => new()
    {
        ["prompt_tokens"] = Script.PromptTokens,
        ["completion_tokens"] = Script.CompletionTokens,
        ["total_tokens"] = Script.PromptTokens + Script.CompletionTokens,
    };

    private JsonObject Choice(JsonObject delta, string? text, string? finish) => request.Chat
        ? new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }
        : new JsonObject { ["index"] = 0, ["text"] = text ?? "", ["logprobs"] = null, ["finish_reason"] = finish };

    private JsonObject Chunk(JsonObject? choice) =>
        Envelope(request.Chat ? "chat.completion.chunk" : "text_completion", choice is null ? [] : new JsonArray(choice));

    private JsonObject Envelope(string kind, JsonArray choices)
    {
        var json = new JsonObject { ["id"] = _id, ["object"] = kind, ["created"] = created, ["model"] = request.Model };
        if (flavor == OpenAiFlavors.LlamaCpp)
            json["system_fingerprint"] = FakeOpenAiShapes.LlamaCppBuild;
        json["choices"] = choices;
        return json;
    }
}

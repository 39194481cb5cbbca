using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Text;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// What the in-process engine observed of one request, on the session clock (s): when it started, when its prompt had been
/// evaluated (prefill's end), when it ended, and each generated token's arrival (the moment it was sampled, one token each).
/// The one-sequence and the batched paths both end in <see cref="ToResult"/>, so a request's record has the same shape and
/// the same definitions (TTFT, ITL, TPOT from <see cref="StreamTimings.From"/>) at every batch size.
/// </summary>
/// <param name="StartS">The request's start, s (session clock).</param>
/// <param name="PrefillEndS">The end of the llama_decode that evaluated the prompt's last token, s.</param>
/// <param name="EndS">The request's end, s.</param>
/// <param name="PromptTokens">Prompt tokens as llama.cpp's tokenizer counted them (with BOS).</param>
/// <param name="Arrivals">One arrival per generated token, in order.</param>
/// <param name="Text">The generated text.</param>
/// <param name="FinishReason"><c>stop</c> (an end-of-generation token was sampled) or <c>length</c> (max tokens or the sequence's context).</param>
/// <param name="Engine">llama.cpp's perf counters for this request; null where they are not the request's own (batched: one context for all).</param>
/// <param name="EngineCpuS">The generating thread's CPU, s; null where it cannot be told per request.</param>
internal sealed record EmbeddedGeneration(
    double StartS,
    double PrefillEndS,
    double EndS,
    int PromptTokens,
    IReadOnlyList<ChunkArrival> Arrivals,
    string Text,
    string FinishReason,
    EngineTimings? Engine,
    double? EngineCpuS)
{
    /// <summary>The harness's record of the request: counts are the engine's, the stream the harness's own arrivals.</summary>
    public CompletionResult ToResult(CompletionRequest request, string servedModel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stream = StreamTimings.From(StartS, EndS, Arrivals, null, TokenCountSource.EngineCount);
        return new CompletionResult
        {
            RequestedModel = request.Model,
            ServedModel = servedModel,
            Text = Text,
            StartS = StartS,
            EndS = EndS,
            PromptTokens = PromptTokens,
            CompletionTokens = Arrivals.Count,
            PromptTokensSource = TokenCountSource.EngineCount,
            CompletionTokensSource = TokenCountSource.EngineCount,
            WordCount = TextMetrics.CountWords(Text),
            WordRule = TextMetrics.WordRule,
            CharacterCount = TextMetrics.CountCharacters(Text),
            FinishReason = FinishReason,
            PrefillS = PrefillEndS - StartS,
            TimeToFirstTokenS = stream?.TimeToFirstTokenS,
            Stream = stream,
            DecodeS = EndS - PrefillEndS,
            Engine = Engine,
            EngineCpuS = EngineCpuS,
        };
    }
}

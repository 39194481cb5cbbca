namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// One completed request. <see cref="StartS"/> and <see cref="EndS"/> are on the session timeline and
/// bracket the whole HTTP exchange as the client saw it.
/// </summary>
public sealed record CompletionResult
{
    public required string RequestedModel { get; init; }

    /// <summary>The model the server says it ran (<c>model</c> in the response).</summary>
    public required string ServedModel { get; init; }

    /// <summary>
    /// The name <see cref="ServedModel"/> must be for the request to have run the requested model, compared exactly:
    /// for GPT4All given a model's file name, the display name that file maps to (GPT4All answers with display
    /// names); null when it is <see cref="RequestedModel"/> itself.
    /// </summary>
    public string? ExpectedServedModel { get; init; }

    public required string Text { get; init; }

    public required double StartS { get; init; }

    public required double EndS { get; init; }

    public double WallSeconds => EndS - StartS;

    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    public required TokenCountSource PromptTokensSource { get; init; }

    public required TokenCountSource CompletionTokensSource { get; init; }

    /// <summary>Words in <see cref="Text"/>, counted by <see cref="WordRule"/>.</summary>
    public required int WordCount { get; init; }

    /// <summary>
    /// How <see cref="WordCount"/> was counted: <see cref="Text.TextMetrics.WordRule"/> (UAX #29 word boundaries with
    /// ICU's dictionary segmentation). Null in records written before the rule was recorded, whose words were runs of
    /// non-space characters holding a letter or digit.
    /// </summary>
    public string? WordRule { get; init; }

    /// <summary>User-perceived characters (text elements) in <see cref="Text"/>.</summary>
    public required int CharacterCount { get; init; }

    /// <summary><c>stop</c>, <c>length</c>, ... as the server said; empty when absent.</summary>
    public required string FinishReason { get; init; }

    /// <summary>Seconds from the request's start to its first generated token, on the harness clock; null when the backend cannot tell (GPT4All does not stream).</summary>
    public double? TimeToFirstTokenS { get; init; }

    /// <summary>Seconds spent processing the prompt (prefill), on the harness clock; null when unknown.</summary>
    public double? PrefillS { get; init; }

    /// <summary>Seconds spent generating after the prompt (decode), on the harness clock; null when unknown.</summary>
    public double? DecodeS { get; init; }

    /// <summary>
    /// The engine's or server's own account of the same request, beside the harness's figures: llama.cpp's perf counters in
    /// process, Ollama's final object (ns, converted), llama-server's <c>timings</c> (ms), LM Studio's <c>stats</c> (s, converted).
    /// </summary>
    public EngineTimings? Engine { get; init; }

    /// <summary>
    /// The streamed answer's timings on the session clock (TTFT, every inter-token gap, TPOT, decode rate); null when the
    /// backend does not stream (GPT4All) or no chunk carried content.
    /// </summary>
    public Streaming.StreamTimings? Stream { get; init; }

    /// <summary>
    /// Seconds the server says it spent loading the model for this request (Ollama's <c>load_duration</c>); a load inside
    /// a measured window makes the case invalid (the model was unloaded between cases). Null when the server does not say.
    /// </summary>
    public double? ServerLoadS { get; init; }

    /// <summary>
    /// CPU seconds the in-process engine's generating thread used for this request (the OS's thread CPU clock,
    /// <see cref="Overhead.ThreadCpuClock"/>), s: the part of the test program's CPU that is the model's, not the harness's.
    /// Null for a backend in another process. With <c>Embedded:Threads</c> above 1, llama.cpp's other worker threads are not in it.
    /// </summary>
    public double? EngineCpuS { get; init; }
}

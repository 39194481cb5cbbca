namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// What the inference engine or server itself reports for one request (llama.cpp in process: <c>llama_perf_context</c>;
/// Ollama: the final object's <c>*_duration</c> in ns; llama-server: <c>timings</c> in ms; LM Studio: <c>stats</c> in s),
/// converted to milliseconds.
/// </summary>
/// <param name="Source">Which counters these are and their unit as sent, e.g. "llama.cpp llama_perf_context" or "ollama final object (ns)".</param>
/// <param name="PromptTokens">Tokens evaluated in prefill.</param>
/// <param name="PromptMs">Milliseconds of prefill.</param>
/// <param name="DecodeTokens">Tokens evaluated in decode.</param>
/// <param name="DecodeMs">Milliseconds of decode.</param>
public sealed record EngineTimings(string Source, int PromptTokens, double PromptMs, int DecodeTokens, double DecodeMs)
{
    /// <summary>Milliseconds the server spent loading the model (Ollama's <c>load_duration</c>); null when not reported.</summary>
    public double? LoadMs { get; init; }

    /// <summary>Milliseconds of the whole request as the server counts it (Ollama's <c>total_duration</c>); null when not reported.</summary>
    public double? TotalMs { get; init; }

    /// <summary>Milliseconds to the first token as the server counts it (LM Studio's <c>time_to_first_token</c>); null when not reported.</summary>
    public double? TimeToFirstTokenMs { get; init; }

    /// <summary>Prompt tokens the server took from its cache instead of evaluating (llama-server's <c>cache_n</c>); null when not reported.</summary>
    public int? CachedPromptTokens { get; init; }

    /// <summary>Decode tokens per second as the engine reports it.</summary>
    public double? DecodeTokensPerSecond => DecodeMs > 0 ? DecodeTokens / (DecodeMs / 1000) : null;

    /// <summary>Prefill tokens per second as the engine reports it.</summary>
    public double? PromptTokensPerSecond => PromptMs > 0 ? PromptTokens / (PromptMs / 1000) : null;
}

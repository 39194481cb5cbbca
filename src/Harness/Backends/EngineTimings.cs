namespace SlmEnergyBench.Harness.Backends;

/// <summary>What the inference engine itself reports for one request (llama.cpp: <c>llama_perf_context</c>).</summary>
/// <param name="Source">Which engine counters these are, e.g. "llama.cpp llama_perf_context".</param>
/// <param name="PromptTokens">Tokens evaluated in prefill.</param>
/// <param name="PromptMs">Milliseconds of prefill.</param>
/// <param name="DecodeTokens">Tokens evaluated in decode.</param>
/// <param name="DecodeMs">Milliseconds of decode.</param>
public sealed record EngineTimings(string Source, int PromptTokens, double PromptMs, int DecodeTokens, double DecodeMs)
{
    /// <summary>Decode tokens per second as the engine reports it.</summary>
    public double? DecodeTokensPerSecond => DecodeMs > 0 ? DecodeTokens / (DecodeMs / 1000) : null;

    /// <summary>Prefill tokens per second as the engine reports it.</summary>
    public double? PromptTokensPerSecond => PromptMs > 0 ? PromptTokens / (PromptMs / 1000) : null;
}

using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends.OpenAi;

/// <summary>
/// A server's own account of a request, converted to <see cref="EngineTimings"/> (milliseconds):
/// llama-server's <c>timings</c> (ms: <c>cache_n</c>, <c>prompt_n</c>, <c>prompt_ms</c>, <c>predicted_n</c>, <c>predicted_ms</c>;
/// tools/server/README.md, "Timings and context usage") and LM Studio's <c>stats</c> (s: <c>time_to_first_token</c>,
/// <c>generation_time</c>, <c>tokens_per_second</c>; lmstudio.ai/docs REST API v0).
/// </summary>
internal static class OpenAiServerTimings
{
    public const string LlamaCppSource = "llama-server timings (ms)";
    public const string LmStudioSource = "LM Studio stats (s)";

    /// <summary>llama-server's <c>timings</c> as sent (already ms); null when <c>prompt_ms</c> or <c>predicted_ms</c> is missing.</summary>
    public static EngineTimings? FromLlamaCpp(JsonElement timings)
    {
        if (OpenAiJson.Number(timings, "prompt_ms") is not { } promptMs || OpenAiJson.Number(timings, "predicted_ms") is not { } predictedMs)
            return null;
        return new EngineTimings(LlamaCppSource, OpenAiJson.Int(timings, "prompt_n") ?? 0, promptMs, OpenAiJson.Int(timings, "predicted_n") ?? 0, predictedMs)
        {
            CachedPromptTokens = OpenAiJson.Int(timings, "cache_n"),
        };
    }

    /// <summary>
    /// LM Studio's <c>stats</c> (seconds) in ms: the time to first token is taken as the prompt's time (LM Studio reports no
    /// prefill time of its own) and <c>generation_time</c> as the decode time; the token counts come from the same answer's
    /// <c>usage</c> (<paramref name="promptTokens"/>, <paramref name="completionTokens"/>), 0 when it has none. Null when
    /// either time is missing.
    /// </summary>
    public static EngineTimings? FromLmStudio(JsonElement stats, int? promptTokens, int? completionTokens)
    {
        if (OpenAiJson.Number(stats, "time_to_first_token") is not { } ttftS || OpenAiJson.Number(stats, "generation_time") is not { } generationS)
            return null;
        return new EngineTimings(LmStudioSource, promptTokens ?? 0, ttftS * 1000, completionTokens ?? 0, generationS * 1000)
        {
            TimeToFirstTokenMs = ttftS * 1000,
        };
    }
}

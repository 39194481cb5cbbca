using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// Ollama's final object (<c>"done": true</c>), api/types.go <c>Metrics</c>: durations in NANOSECONDS, each left out when
/// zero (Go's <c>omitempty</c>), so an absent duration or count is 0 as Ollama means it.
/// </summary>
/// <param name="Model">The <c>model</c> field: Ollama echoes the name as requested.</param>
/// <param name="DoneReason"><c>stop</c>, <c>length</c>, ...; empty when absent.</param>
/// <param name="TotalNs"><c>total_duration</c>: the whole request as the server counts it.</param>
/// <param name="LoadNs"><c>load_duration</c>: from the request's start until the model was ready (scheduling, and a load when it was not loaded).</param>
/// <param name="PromptEvalCount"><c>prompt_eval_count</c>: prompt tokens evaluated (tokens taken from Ollama's prompt cache are not in it).</param>
/// <param name="PromptEvalNs"><c>prompt_eval_duration</c>: prefill.</param>
/// <param name="EvalCount"><c>eval_count</c>: output tokens.</param>
/// <param name="EvalNs"><c>eval_duration</c>: decode.</param>
public sealed record OllamaFinal(string Model, string DoneReason, long? TotalNs, long? LoadNs, int? PromptEvalCount, long? PromptEvalNs, int? EvalCount, long? EvalNs)
{
    /// <summary>What <see cref="EngineTimings.Source"/> says for these timings.</summary>
    public const string Source = "ollama final object (ns)";

    /// <summary>
    /// The rule for "the model was loaded inside this request": <c>load_duration</c> above 0.05 s. Ollama reports
    /// <c>load_duration</c> for every request, as the time from its arrival until a runner with the model was ready: a few
    /// milliseconds (its docs show 1.3 to 5 ms) when the model is already loaded, and the whole load from disk (hundreds of
    /// milliseconds to seconds, even for a 1B model from the page cache) when it is not. 50 ms lies between the two by an order of
    /// magnitude on each side.
    /// </summary>
    public const double LoadThresholdS = 0.05;

    private const double NsPerMs = 1e6;
    private const double NsPerS = 1e9;

    /// <summary>
    /// Seconds of model load in this request by <see cref="LoadThresholdS"/>: <c>load_duration</c> in s when above it, else 0
    /// (the model was loaded; the few ms of scheduling are not a load). What <see cref="CompletionResult.ServerLoadS"/> holds.
    /// </summary>
    public double LoadS => (LoadNs ?? 0) / NsPerS is var s && s > LoadThresholdS ? s : 0;

    /// <summary>The server's timings in ms (ns / 1e6): prefill from prompt_eval_*, decode from eval_*, load and total as reported.</summary>
    public EngineTimings ToEngineTimings() =>
        new(Source, PromptEvalCount ?? 0, (PromptEvalNs ?? 0) / NsPerMs, EvalCount ?? 0, (EvalNs ?? 0) / NsPerMs)
        {
            LoadMs = (LoadNs ?? 0) / NsPerMs,
            TotalMs = TotalNs is { } total ? total / NsPerMs : null,
        };

    /// <summary>Reads the final object (the element must have <c>"done": true</c>); absent fields are null.</summary>
    public static OllamaFinal From(JsonElement done) => new(
        String(done, "model") ?? "",
        String(done, "done_reason") ?? "",
        Long(done, "total_duration"),
        Long(done, "load_duration"),
        (int?)Long(done, "prompt_eval_count"),
        Long(done, "prompt_eval_duration"),
        (int?)Long(done, "eval_count"),
        Long(done, "eval_duration"));

    private static string? String(JsonElement json, string key) =>
        json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement json, string key) =>
        json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}

using SlmEnergyBench.Harness.Backends;

namespace SlmEnergyBench.Benchmarks.Engine;

/// <summary>
/// One request's decode rate by two clocks over the same decode steps: the caller's own clock from the first token to the
/// last (<paramref name="Tokens"/> - 1 tokens in <paramref name="ClockS"/> s, the field's streaming decode rate) and llama.cpp's
/// perf counters (<see cref="EngineTimings.DecodeTokens"/> = <c>n_eval</c> single-token llama_decode calls in
/// <see cref="EngineTimings.DecodeMs"/> = <c>t_eval</c>). With an answer cut at its length the two count the same steps: the
/// first token is sampled from the prompt's logits (prefill) and the last one is never decoded, so <c>n_eval</c> = tokens - 1.
/// </summary>
/// <param name="Tokens">Output tokens the caller received.</param>
/// <param name="ClockS">Seconds from the first token's arrival to the end of the answer, on the caller's clock.</param>
/// <param name="Engine">llama.cpp's counters for the same request.</param>
public sealed record DecodeRateComparison(int Tokens, double ClockS, EngineTimings Engine)
{
    /// <summary>(tokens - 1) / <see cref="ClockS"/>, tokens/s: what the caller's clock says.</summary>
    public double ClockTokensPerSecond => (Tokens - 1) / ClockS;

    /// <summary><c>n_eval</c> / <c>t_eval</c>, tokens/s (<see cref="EngineTimings.DecodeTokensPerSecond"/>).</summary>
    public double EngineTokensPerSecond => Engine.DecodeTokensPerSecond!.Value;

    /// <summary>(clock rate / engine rate - 1) x 100, %: negative when the caller's clock sees a slower decode than llama.cpp's counters.</summary>
    public double DifferencePercent => ((ClockTokensPerSecond / EngineTokensPerSecond) - 1) * 100;

    /// <summary>
    /// Microseconds per token that the caller's clock holds beyond llama.cpp's <c>t_eval</c>: (clock s - t_eval s) / (tokens - 1) x 10^6,
    /// the time between decode calls (sampling, detokenising, bookkeeping).
    /// </summary>
    public double OverheadMicrosecondsPerToken => (ClockS - (Engine.DecodeMs / 1000)) / (Tokens - 1) * 1e6;

    /// <summary>
    /// The comparison for an answer of <paramref name="tokens"/> tokens whose first came <paramref name="clockS"/> s before its end.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// Fewer than two tokens, no time after the first, no llama.cpp decode time, or <c>n_eval</c> is not tokens - 1 (the two
    /// clocks would count different steps: an answer that ended at an end-of-generation token decodes its last token too).
    /// </exception>
    public static DecodeRateComparison Of(int tokens, double clockS, EngineTimings? engine)
    {
        if (tokens < 2 || clockS <= 0)
            throw new InvalidOperationException($"a decode rate needs two tokens or more and time after the first: got {tokens} token(s) in {clockS} s. Ask for more tokens.");
        if (engine?.DecodeTokensPerSecond is null)
            throw new InvalidOperationException("llama.cpp reported no decode time (its perf counters are off, or the request was batched): compare one-sequence requests.");
        if (engine.DecodeTokens != tokens - 1)
        {
            throw new InvalidOperationException(
                $"llama.cpp decoded {engine.DecodeTokens} token(s) for {tokens} delivered, not {tokens - 1}: the two rates would count different steps. " +
                "Use a prompt whose answer runs to its length (finish 'length'), not one that samples an end-of-generation token.");
        }

        return new DecodeRateComparison(tokens, clockS, engine);
    }

    /// <summary>
    /// The comparison for a request through the harness: its clock is the stream's (<see cref="Harness.Backends.Streaming.StreamTimings"/>:
    /// end to end minus TTFT over output tokens - 1, the decode tok/s the summaries and report show).
    /// </summary>
    /// <exception cref="InvalidOperationException">The result has no stream, or see <see cref="Of(int, double, EngineTimings?)"/>.</exception>
    public static DecodeRateComparison Of(CompletionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stream = result.Stream
            ?? throw new InvalidOperationException($"the answer of '{result.RequestedModel}' has no stream timings (no token was generated).");
        return Of(stream.OutputTokens, stream.EndToEndS - stream.TimeToFirstTokenS, result.Engine);
    }
}

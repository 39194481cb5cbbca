namespace SlmEnergyBench.Harness.Fakes.Streaming;

/// <summary>
/// When a streaming fake sends each token of one answer: the first after <see cref="TimeToFirstTokenS"/> (model load,
/// if the model was not loaded, plus prefill = prompt tokens / prefill speed), then one every <see cref="GapS"/>
/// (1 / decode speed). Offsets are from the moment the request arrived, s; the fake waits for absolute times
/// (<see cref="FakeStreamPacer"/>), so gaps do not accumulate timer error.
/// </summary>
/// <param name="Model">The model that answers.</param>
/// <param name="Prompt">The prompt as received (so a check can match the script with a case record).</param>
/// <param name="PromptTokens">Prompt tokens the fake counts.</param>
/// <param name="CompletionTokens">Tokens it will send, one per chunk.</param>
/// <param name="LoadS">Seconds of model load before prefill (0 when loaded).</param>
/// <param name="PrefillS">Seconds of prefill.</param>
/// <param name="GapS">Seconds between consecutive tokens.</param>
public sealed record FakeTokenScript(string Model, string Prompt, int PromptTokens, int CompletionTokens, double LoadS, double PrefillS, double GapS)
{
    /// <summary>
    /// Seconds from the request's arrival to when the fake really handed its first token to the server for sending (its timer wakes
    /// up to a millisecond or two late on a busy machine); null until then.
    /// </summary>
    public double? FirstTokenSentS { get; set; }

    /// <summary>Seconds from the request's arrival to the first token: load + prefill.</summary>
    public double TimeToFirstTokenS => LoadS + PrefillS;

    /// <summary>Seconds from the request's arrival to token <paramref name="index"/> (0-based).</summary>
    public double OffsetOfToken(int index) => TimeToFirstTokenS + (index * GapS);

    /// <summary>Seconds from the request's arrival to the last token.</summary>
    public double DurationS => CompletionTokens == 0 ? TimeToFirstTokenS : OffsetOfToken(CompletionTokens - 1);
}

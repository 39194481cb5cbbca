namespace SlmEnergyBench.Harness.Fakes.Streaming;

/// <summary>
/// When a streaming fake sends each token of one answer: the first after <see cref="TimeToFirstTokenS"/> (model load,
/// if the model was not loaded, plus prefill = prompt tokens / prefill speed), then one every <see cref="GapS"/>
/// (1 / decode speed) while the answer is generated alone. A batching fake (<c>Fake:Slots</c> above 1) sets each next token's
/// time as it goes (<see cref="ScheduleNext"/>): <see cref="GapS"/> / the slot curve's speed factor at the streams active then.
/// Offsets are from the moment the request arrived (or, when it waited for a slot, was let in), s; the fake waits for
/// absolute times (<see cref="FakeStreamPacer"/>), so gaps do not accumulate timer error. What the fake really did is recorded
/// too (<see cref="TokenSentS"/>), the truth a check compares a client's measured timings with.
/// </summary>
/// <param name="Model">The model that answers.</param>
/// <param name="Prompt">The prompt as received (so a check can match the script with a case record).</param>
/// <param name="PromptTokens">Prompt tokens the fake counts.</param>
/// <param name="CompletionTokens">Tokens it will send, one per chunk.</param>
/// <param name="LoadS">Seconds of model load before prefill (0 when loaded).</param>
/// <param name="PrefillS">Seconds of prefill.</param>
/// <param name="GapS">Seconds between consecutive tokens while the answer is generated alone at speed factor 1.</param>
public sealed record FakeTokenScript(string Model, string Prompt, int PromptTokens, int CompletionTokens, double LoadS, double PrefillS, double GapS)
{
    private readonly List<double> _dueS = [];
    private readonly List<double> _sentS = [];
    private readonly Lock _lock = new();
    private bool _gapChanged;

    // The gap in force and the token it counts from: a token's time is the anchor's + (index - anchor index) x gap, so a
    // steady gap adds no rounding per token, and with one gap throughout it is exactly TimeToFirstTokenS + index x GapS.
    private int _anchorIndex;
    private double _anchorS = LoadS + PrefillS;
    private double _gapInForceS = GapS;

    /// <summary>
    /// Seconds from the request's arrival to when the fake really handed its first token to the server for sending (its timer wakes
    /// up to a millisecond or two late on a busy machine); null until then. Set by the first <see cref="Sent"/>.
    /// </summary>
    public double? FirstTokenSentS { get; set; }

    /// <summary>Seconds from the request's arrival to when each token was due, as the fake set them (<see cref="ScheduleNext"/>), oldest first.</summary>
    public IReadOnlyList<double> TokenDueS
    {
        get
        {
            lock (_lock)
                return [.. _dueS];
        }
    }

    /// <summary>Seconds from the request's arrival to when the fake really handed each token to the server for sending, oldest first.</summary>
    public IReadOnlyList<double> TokenSentS
    {
        get
        {
            lock (_lock)
                return [.. _sentS];
        }
    }

    /// <summary>Seconds from the request's arrival to the first token: load + prefill.</summary>
    public double TimeToFirstTokenS => LoadS + PrefillS;

    /// <summary>
    /// Seconds from the first token to the last: (tokens - 1) x <see cref="GapS"/>, or, when a batching fake changed the gap as
    /// streams came and went, the span of the tokens' due times.
    /// </summary>
    public double DecodeS
    {
        get
        {
            lock (_lock)
                return _gapChanged && _dueS.Count >= 2 ? _dueS[^1] - _dueS[0] : Math.Max(0, CompletionTokens - 1) * GapS;
        }
    }

    /// <summary>Seconds from the request's arrival to token <paramref name="index"/> (0-based): as scheduled, or at <see cref="GapS"/> after the last one scheduled.</summary>
    public double OffsetOfToken(int index)
    {
        lock (_lock)
            return index < _dueS.Count ? _dueS[index] : _anchorS + ((index - _anchorIndex) * _gapInForceS);
    }

    /// <summary>Seconds from the request's arrival to the last token.</summary>
    public double DurationS => CompletionTokens == 0 ? TimeToFirstTokenS : OffsetOfToken(CompletionTokens - 1);

    /// <summary>
    /// Sets when the next token is due and returns it, s from the request's arrival: the first at <see cref="TimeToFirstTokenS"/>,
    /// each later one <see cref="GapS"/> / <paramref name="speedFactor"/> after the one before (the slot curve's factor at the
    /// streams active now; 1 = alone).
    /// </summary>
    public double ScheduleNext(double speedFactor = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedFactor);
        lock (_lock)
        {
            var index = _dueS.Count;
            var gap = GapS / speedFactor;
            if (index > 0 && gap != _gapInForceS)
            {
                (_anchorIndex, _anchorS, _gapInForceS) = (index - 1, _dueS[^1], gap);
                _gapChanged = true;
            }

            var due = _anchorS + ((index - _anchorIndex) * _gapInForceS);
            _dueS.Add(due);
            return due;
        }
    }

    /// <summary>Records that the next token was really handed to the server <paramref name="offsetS"/> s after the request's arrival.</summary>
    public void Sent(double offsetS)
    {
        lock (_lock)
        {
            _sentS.Add(offsetS);
            if (_sentS.Count == 1)
                FirstTokenSentS = offsetS;
        }
    }

    /// <summary>
    /// The mean gap between the tokens the fake really sent ((last - first) / (sent - 1)), s; <see cref="GapS"/> until two were sent.
    /// </summary>
    public double SentMeanGapS
    {
        get
        {
            lock (_lock)
                return _sentS.Count >= 2 ? (_sentS[^1] - _sentS[0]) / (_sentS.Count - 1) : GapS;
        }
    }

    /// <summary>The real gap before token <paramref name="index"/> (1-based gaps: token index - 1 to index), s; <see cref="GapS"/> when not both were sent.</summary>
    public double SentGapBeforeS(int index)
    {
        lock (_lock)
            return index >= 1 && index < _sentS.Count ? _sentS[index] - _sentS[index - 1] : GapS;
    }
}

using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.Slots;

/// <summary>
/// One request's slot in <see cref="FakeSlots"/>: taken by <see cref="FakeSlots.EnterAsync"/>, counted as active from
/// <see cref="Generate"/>, given back (and handed to the next waiting request) by <see cref="Dispose"/>, which may run more than once.
/// </summary>
internal sealed class FakeSlot : IDisposable
{
    private readonly FakeSlots _slots;
    private int _started;
    private int _left;

    internal FakeSlot(FakeSlots slots, bool waited)
    {
        _slots = slots;
        Waited = waited;
    }

    /// <summary>Whether the request had to wait for this slot (its script then counts from when it was let in).</summary>
    public bool Waited { get; }

    /// <summary>The curve's speed factor at the streams generating now: divide a token's gap by it.</summary>
    public double SpeedFactor => _slots.SpeedFactor;

    internal (double CpuMw, double GpuMw) PrefillMw { get; private set; }

    internal (double CpuMw, double GpuMw) DecodeMw { get; private set; }

    internal bool IsDecoding { get; private set; }

    /// <summary>The request starts generating with these powers (mW, the model's x PowerFactor x jitter): it counts as active from now.</summary>
    public void Generate((double CpuMw, double GpuMw) prefillMw, (double CpuMw, double GpuMw) decodeMw)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            throw new InvalidOperationException("This slot's request is already generating.");
        (PrefillMw, DecodeMw) = (prefillMw, decodeMw);
        _slots.Started(this);
    }

    /// <summary>Its first token is due: from prefill to decode power (which only one slot tells apart).</summary>
    public void FirstToken()
    {
        if (IsDecoding)
            return;
        IsDecoding = true;
        _slots.Decoding();
    }

    /// <summary>
    /// Plays out an answer that is not streamed: sets each token's time on <paramref name="script"/> as a stream would and returns
    /// when the last one is due on <paramref name="pacer"/>. On one slot the speed never changes, so all are set at once and one wait
    /// suffices; with more, token by token, each at the speed of the streams running then.
    /// </summary>
    public async Task DecodeAsync(FakeTokenScript script, FakeStreamPacer pacer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(pacer);
        var due = script.TimeToFirstTokenS;
        for (var i = 0; i < script.CompletionTokens; i++)
        {
            due = script.ScheduleNext(SpeedFactor);
            if (_slots.Capacity > 1)
                await pacer.UntilAsync(due, cancellationToken).ConfigureAwait(false);
        }

        await pacer.UntilAsync(due, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the slot back (the request is no longer active); once, however often it is called.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
            _slots.Leave(this);
    }
}

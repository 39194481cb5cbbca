using SlmEnergyBench.Harness.Fakes.Slots;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// One answer of the fake Ollama, played out on its <see cref="FakeTokenScript"/> in its <see cref="FakeSlot"/>: active in the slot
/// from the request's start (load included) to the end, with the model's prefill power until the first token and its active power
/// from there (see <see cref="FakeSlots"/> for the busy file when several answers run); one NDJSON line per token at the time the
/// script sets as it goes (each gap divided by the slot curve's speed factor at the answers running then), then the final object
/// (or, when scripted, an error line instead of token <see cref="FailAfterTokens"/>). <see cref="Finish"/> runs once, however the
/// answer ends.
/// </summary>
internal sealed class FakeOllamaGeneration
{
    private readonly FakeTokenScript _script;
    private readonly IReadOnlyList<string> _pieces;
    private readonly FakeOllamaRequest _request;
    private readonly FakeStreamPacer _pacer;
    private readonly FakeSlot _slot;
    private readonly TimeProvider _time;
    private readonly Action _onFinish;
    private int _finished;

    /// <param name="script">When each token goes out (offsets from <paramref name="pacer"/>'s start).</param>
    /// <param name="pieces">The tokens' text, <see cref="FakeTokenScript.CompletionTokens"/> of them.</param>
    /// <param name="request">What was asked (model name as sent, chat or generate, stream or not).</param>
    /// <param name="pacer">Started when the fake began serving the request.</param>
    /// <param name="slot">The slot it holds: it is active there from now, and gives it back when it finishes.</param>
    /// <param name="prefillPower">mW (cpu, gpu) while loading and in prefill.</param>
    /// <param name="decodePower">mW (cpu, gpu) while decoding.</param>
    /// <param name="time">Stamps <c>created_at</c>.</param>
    /// <param name="onFinish">Runs once when the answer has ended (or was abandoned), before the slot is given back: starts keep_alive.</param>
    public FakeOllamaGeneration(FakeTokenScript script, IReadOnlyList<string> pieces, FakeOllamaRequest request, FakeStreamPacer pacer, FakeSlot slot,
        (double CpuMw, double GpuMw) prefillPower, (double CpuMw, double GpuMw) decodePower, TimeProvider time, Action onFinish)
    {
        _script = script;
        _pieces = pieces;
        _request = request;
        _pacer = pacer;
        _slot = slot;
        _time = time;
        _onFinish = onFinish;
        slot.Generate(prefillPower, decodePower);
    }

    /// <summary>Tokens sent before the error line replaces the next one; null = no error.</summary>
    public int? FailAfterTokens { get; init; }

    /// <summary>The error line's message.</summary>
    public string FailMessage { get; init; } = "";

    /// <summary>The streamed answer: each line (with its newline) returned at its scripted time; ends early when <paramref name="stop"/> fires.</summary>
    public IEnumerable<string> Lines(CancellationToken stop)
    {
        try
        {
            for (var i = 0; i < _pieces.Count; i++)
            {
                if (!_pacer.Until(_script.ScheduleNext(_slot.SpeedFactor), stop))
                    yield break;
                _script.Sent(_pacer.ElapsedS);
                if (i == 0)
                    _slot.FirstToken();
                if (FailAfterTokens == i)
                {
                    yield return FakeOllamaJson.Error(FailMessage) + "\n";
                    yield break;
                }

                yield return FakeOllamaJson.Token(_request.Model, _request.Chat, _time.GetUtcNow(), _pieces[i]) + "\n";
            }

            var final = FakeOllamaJson.Final(_script, _request.Model, _request.Chat, _time.GetUtcNow(), "", DoneReason).ToJsonString(FakeOllamaJson.Go) + "\n";
            // Generation is over with the last token: the slot (and its power in the busy file) goes before the final object is sent, so
            // the power stops where the work does and a client that has read the end never sees it still on.
            Finish();
            yield return final;
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>The answer in one body (<c>"stream": false</c>), once the whole script has played; Ollama's 500 when an error is scripted.</summary>
    public async Task<FakeOllamaReply> WholeAsync(CancellationToken stop)
    {
        try
        {
            await _pacer.UntilAsync(_script.TimeToFirstTokenS, stop).ConfigureAwait(false);
            _slot.FirstToken();
            await _slot.DecodeAsync(_script, _pacer, stop).ConfigureAwait(false);
            return FailAfterTokens is null
                ? FakeOllamaReply.Ok(FakeOllamaJson.Final(_script, _request.Model, _request.Chat, _time.GetUtcNow(), string.Concat(_pieces), DoneReason).ToJsonString(FakeOllamaJson.Go))
                : FakeOllamaReply.Error(500, FailMessage);
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Runs the finish action and gives the slot back (busy file updated, the next request let in), once.</summary>
    public void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
            return;
        try
        {
            _onFinish();
        }
        finally
        {
            _slot.Dispose();
        }
    }

    private string DoneReason => _request.NumPredict is { } limit && _script.CompletionTokens >= limit ? "length" : "stop";
}

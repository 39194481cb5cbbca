using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// One answer of the fake Ollama, played out on its <see cref="FakeTokenScript"/>: the busy file holds the model's prefill
/// power from the request's start (load included) to the first token and its active power from there to the last; one
/// NDJSON line per token at the scripted offset, then the final object (or, when scripted, an error line instead of token
/// <see cref="FailAfterTokens"/>). <see cref="Finish"/> runs once, however the answer ends.
/// </summary>
internal sealed class FakeOllamaGeneration
{
    private readonly FakeTokenScript _script;
    private readonly IReadOnlyList<string> _pieces;
    private readonly FakeOllamaRequest _request;
    private readonly FakeStreamPacer _pacer;
    private readonly BusyFile? _busy;
    private readonly (double CpuMw, double GpuMw) _decodePower;
    private readonly TimeProvider _time;
    private readonly Action _onFinish;
    private int _finished;

    /// <param name="script">When each token goes out (offsets from <paramref name="pacer"/>'s start).</param>
    /// <param name="pieces">The tokens' text, <see cref="FakeTokenScript.CompletionTokens"/> of them.</param>
    /// <param name="request">What was asked (model name as sent, chat or generate, stream or not).</param>
    /// <param name="pacer">Started when the fake began serving the request.</param>
    /// <param name="busy">The busy file, or null.</param>
    /// <param name="prefillPower">mW (cpu, gpu) while loading and in prefill.</param>
    /// <param name="decodePower">mW (cpu, gpu) while decoding.</param>
    /// <param name="time">Stamps <c>created_at</c>.</param>
    /// <param name="onFinish">Runs once when the answer has ended (or was abandoned): lets the next request in, starts keep_alive.</param>
    public FakeOllamaGeneration(FakeTokenScript script, IReadOnlyList<string> pieces, FakeOllamaRequest request, FakeStreamPacer pacer, BusyFile? busy,
        (double CpuMw, double GpuMw) prefillPower, (double CpuMw, double GpuMw) decodePower, TimeProvider time, Action onFinish)
    {
        _script = script;
        _pieces = pieces;
        _request = request;
        _pacer = pacer;
        _busy = busy;
        _decodePower = decodePower;
        _time = time;
        _onFinish = onFinish;
        _busy?.Write(prefillPower.CpuMw, prefillPower.GpuMw);
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
                if (!_pacer.Until(_script.OffsetOfToken(i), stop))
                    yield break;
                if (i == 0)
                {
                    _script.FirstTokenSentS = _pacer.ElapsedS;
                    _busy?.Write(_decodePower.CpuMw, _decodePower.GpuMw);
                }
                if (FailAfterTokens == i)
                {
                    yield return FakeOllamaJson.Error(FailMessage) + "\n";
                    yield break;
                }

                yield return FakeOllamaJson.Token(_request.Model, _request.Chat, _time.GetUtcNow(), _pieces[i]) + "\n";
            }

            yield return FakeOllamaJson.Final(_script, _request.Model, _request.Chat, _time.GetUtcNow(), "", DoneReason).ToJsonString(FakeOllamaJson.Go) + "\n";
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
            _busy?.Write(_decodePower.CpuMw, _decodePower.GpuMw);
            await _pacer.UntilAsync(_script.DurationS, stop).ConfigureAwait(false);
            return FailAfterTokens is null
                ? FakeOllamaReply.Ok(FakeOllamaJson.Final(_script, _request.Model, _request.Chat, _time.GetUtcNow(), string.Concat(_pieces), DoneReason).ToJsonString(FakeOllamaJson.Go))
                : FakeOllamaReply.Error(500, FailMessage);
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Clears the busy file and runs the finish action, once.</summary>
    public void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
            return;
        try
        {
            _busy?.Clear();
        }
        finally
        {
            _onFinish();
        }
    }

    private string DoneReason => _request.NumPredict is { } limit && _script.CompletionTokens >= limit ? "length" : "stop";
}

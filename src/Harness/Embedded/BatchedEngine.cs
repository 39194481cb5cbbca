using LLama.Batched;
using LLama.Common;
using LLama.Native;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// Decodes up to <see cref="Sequences"/> requests together with LLamaSharp's <see cref="BatchedExecutor"/> (one
/// <see cref="Conversation"/>, i.e. one llama.cpp sequence, per request), continuously: every step is one
/// <see cref="BatchedExecutor.Infer"/> (one llama_decode holding each request's next token, and the whole prompt of any request
/// that arrived since the last step), then each sequence whose logits are ready samples its token with its own sampler.
/// A request that arrives while others decode joins at the next step; one that ends leaves at once and frees its sequence
/// and KV cells. The context holds <see cref="Sequences"/> sequences (n_seq_max) of <see cref="SequenceTokens"/> cells each
/// (n_ctx = sequences x tokens, a KV cache per sequence: kv_unified off), so one request's context is the same at every batch
/// size. The loop runs only while requests are in flight.
/// </summary>
internal sealed class BatchedEngine : IDisposable
{
    private readonly object _lock = new();
    private readonly List<BatchedSequence> _pending = [];
    private readonly List<BatchedSequence> _active = [];
    private readonly BatchedExecutor _executor;
    private readonly LoadedWeights _model;
    private readonly SessionClock _clock;
    private Task? _loop;

    /// <summary>
    /// An engine for <paramref name="model"/> with <paramref name="sequences"/> sequences of <paramref name="sequenceTokens"/>
    /// tokens on <paramref name="threads"/> CPU threads. Throws <see cref="BackendException"/> when llama.cpp cannot make the
    /// context (too many sequences for llama.cpp, or not enough memory for the KV cache).
    /// </summary>
    public BatchedEngine(LoadedWeights model, int sequences, int threads, int sequenceTokens, SessionClock clock)
    {
        _model = model;
        _clock = clock;
        Sequences = sequences;
        Threads = threads;
        SequenceTokens = sequenceTokens;
        var parameters = new ModelParams(model.File.Path)
        {
            ContextSize = checked((uint)(sequenceTokens * sequences)),
            SeqMax = (uint)sequences,
            KVUnified = false,
            GpuLayerCount = 0,
            Threads = threads,
            BatchThreads = threads,
        };
        try
        {
            _executor = new BatchedExecutor(model.Weights, parameters);
        }
        catch (Exception e) when (e is LLama.Exceptions.RuntimeError or ArgumentException)
        {
            throw new BackendException($"llama.cpp could not make a context of {sequences} sequences x {sequenceTokens} tokens for '{model.File.Name}' ({e.Message}): lower Embedded:BatchSize or Embedded:ContextTokens.", e);
        }

        if (_executor.Context.ContextSize < sequenceTokens * sequences)
        {
            _executor.Dispose();
            throw new BackendException($"llama.cpp gave a context of {_executor.Context.ContextSize} tokens for {sequences} sequences x {sequenceTokens} tokens of '{model.File.Name}': lower Embedded:BatchSize or Embedded:ContextTokens.");
        }
    }

    /// <summary>Sequences decoded together at most (n_seq_max; the point's batch size).</summary>
    public int Sequences { get; }

    /// <summary>CPU threads for decode and prompt evaluation.</summary>
    public int Threads { get; }

    /// <summary>KV cells each sequence has: its prompt and answer together fit in this many tokens.</summary>
    public int SequenceTokens { get; }

    /// <summary>The model this engine decodes.</summary>
    public string Model => _model.File.Name;

    /// <summary>True after a llama_decode failed: the executor's queue is no longer trusted and the engine must be rebuilt.</summary>
    public bool Broken { get; private set; }

    /// <summary>Requests submitted and not yet ended.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
                return _pending.Count + _active.Count;
        }
    }

    /// <summary>
    /// Queues <paramref name="request"/>, started at <paramref name="startS"/> (session clock, s), to join the next step; the task
    /// ends with its result. Throws <see cref="BackendException"/> when <see cref="Sequences"/> requests are already in flight
    /// (the scheduler keeps at most the batch size in flight).
    /// </summary>
    public Task<CompletionResult> Submit(CompletionRequest request, double startS, CancellationToken cancellationToken)
    {
        var sequence = new BatchedSequence(request, startS, cancellationToken);
        lock (_lock)
        {
            if (_pending.Count + _active.Count >= Sequences)
                throw new BackendException($"{Sequences} requests are already in flight at batch size {Sequences} (Embedded:BatchSize): the scheduler must keep at most the batch size in flight.");
            _pending.Add(sequence);
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }

        return sequence.Completion.Task;
    }

    private async Task RunAsync()
    {
        try
        {
            while (Admit())
            {
                if (_executor.BatchedTokenCount == 0)
                    throw new BackendException($"nothing is queued to decode for '{Model}' though {InFlight} request(s) are in flight: the batched engine lost track of a sequence (a bug; please report it with this message).");
                var status = await _executor.Infer(CancellationToken.None).ConfigureAwait(false);
                if (status != DecodeResult.Ok)
                {
                    Broken = true;
                    throw new BackendException($"llama.cpp failed to decode a batch of {_active.Count} sequences of '{Model}' ({status}): the KV cache may be full (Embedded:ContextTokens per sequence x Embedded:BatchSize).");
                }

                // As on the one-sequence path: wait for the computation so that the step's end is when the tokens exist.
                _executor.Context.NativeHandle.Synchronize();
                Sample(_clock.Now);
            }
        }
        catch (Exception e)
        {
            Broken = true;
            FailAll(e as BackendException ?? new BackendException($"the batched engine failed for '{Model}': {e.Message}", e));
        }
    }

    /// <summary>Prompts every request that arrived since the last step; false (and the loop ends) when nothing is in flight.</summary>
    private bool Admit()
    {
        List<BatchedSequence> arrived;
        lock (_lock)
        {
            arrived = [.. _pending];
            _pending.Clear();
            _active.AddRange(arrived);
        }

        foreach (var sequence in arrived)
        {
            try
            {
                sequence.Cancellation.ThrowIfCancellationRequested();
                sequence.Admit(_executor, SequenceTokens);
            }
            catch (Exception e) when (e is BackendException or OperationCanceledException)
            {
                Leave(sequence, e);
            }
        }

        lock (_lock)
        {
            if (_active.Count > 0 || _pending.Count > 0)
                return true;
            _loop = null;
            return false;
        }
    }

    private void Sample(double decodedS)
    {
        BatchedSequence[] active;
        lock (_lock)
            active = [.. _active];
        foreach (var sequence in active.Where(s => s.CanSample))
        {
            // A cancelled request leaves only once its queued tokens have been decoded, so no later batch holds its sequence.
            if (sequence.Cancellation.IsCancellationRequested)
            {
                Leave(sequence, new OperationCanceledException(sequence.Cancellation));
                continue;
            }

            var ended = sequence.Step(decodedS, _model.Weights.Vocab, SequenceTokens, _clock);
            if (ended is not null)
                Leave(sequence, ended.ToResult(sequence.Request, Model));
        }
    }

    private void Leave(BatchedSequence sequence, CompletionResult result)
    {
        Remove(sequence);
        sequence.Completion.TrySetResult(result);
    }

    private void Leave(BatchedSequence sequence, Exception failure)
    {
        Remove(sequence);
        if (failure is OperationCanceledException)
            sequence.Completion.TrySetCanceled(sequence.Cancellation);
        else
            sequence.Completion.TrySetException(failure);
    }

    /// <summary>Frees the sequence's KV cells first, then stops counting it in flight (after which the context may be rebuilt).</summary>
    private void Remove(BatchedSequence sequence)
    {
        sequence.Dispose();
        lock (_lock)
            _active.Remove(sequence);
    }

    private void FailAll(BackendException failure)
    {
        BatchedSequence[] all;
        lock (_lock)
            all = [.. _active, .. _pending];
        foreach (var sequence in all)
            sequence.Dispose();
        lock (_lock)
        {
            _active.Clear();
            _pending.Clear();
            _loop = null;
        }

        foreach (var sequence in all)
            sequence.Completion.TrySetException(failure);
    }

    /// <summary>Frees the context (every sequence's KV cache). Only with nothing in flight.</summary>
    public void Dispose() => _executor.Dispose();
}

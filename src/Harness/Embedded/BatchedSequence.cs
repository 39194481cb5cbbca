using LLama;
using LLama.Batched;
using LLama.Native;
using LLama.Sampling;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// One request in flight in a <see cref="BatchedEngine"/>: its <see cref="Conversation"/> (its own llama.cpp sequence and KV
/// cells), its own sampler (the request's temperature, top-p and seed), the text decoded so far and each token's arrival on the
/// session clock. Created when the request is submitted; prompted when the engine admits it at its next step.
/// </summary>
internal sealed class BatchedSequence(CompletionRequest request, double startS, CancellationToken cancellationToken) : IDisposable
{
    private readonly List<ChunkArrival> _arrivals = new(Math.Max(0, request.MaxTokens));
    private Conversation? _conversation;
    private DefaultSamplingPipeline? _sampler;
    private StreamingTokenDecoder? _decoder;
    private int _promptTokens;
    private double? _prefillEndS;

    public CompletionRequest Request => request;

    public CancellationToken Cancellation => cancellationToken;

    /// <summary>Completed with the request's result, its failure, or its cancellation.</summary>
    public TaskCompletionSource<CompletionResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the sequence's last llama_decode has run and its logits can be sampled.</summary>
    public bool CanSample => _conversation is { RequiresSampling: true };

    /// <summary>
    /// Gives the request its sequence: tokenizes the prompt (with BOS, as the one-sequence path does) and queues it for the next
    /// llama_decode. Throws <see cref="BackendException"/> when the prompt does not fit <paramref name="sequenceTokens"/>.
    /// </summary>
    public void Admit(BatchedExecutor executor, int sequenceTokens)
    {
        var prompt = executor.Context.NativeHandle.Tokenize(request.Prompt, true, false, System.Text.Encoding.UTF8);
        if (prompt.Length >= sequenceTokens)
            throw new BackendException($"the prompt has {prompt.Length} tokens but each sequence's context holds {sequenceTokens} (Embedded:ContextTokens): raise it or shorten the prompt.");
        _promptTokens = prompt.Length;
        _sampler = RequestSampler.For(request);
        _decoder = new StreamingTokenDecoder(System.Text.Encoding.UTF8, executor.Context.NativeHandle);
        _conversation = executor.Create();
        _conversation.Prompt(prompt);
    }

    /// <summary>
    /// After a llama_decode that ended at <paramref name="decodedS"/>: samples this sequence's next token and either queues it
    /// for the next step (returns null) or ends the request (returns what it observed). <c>stop</c> when an end-of-generation
    /// token is sampled; <c>length</c> at the request's max tokens or when the sequence's context is full.
    /// </summary>
    public EmbeddedGeneration? Step(double decodedS, SafeLlamaModelHandle.Vocabulary vocab, int sequenceTokens, SessionClock clock)
    {
        var conversation = _conversation!;
        _prefillEndS ??= decodedS;
        if (_arrivals.Count >= request.MaxTokens)
            return End(clock.Now, "length");
        var token = conversation.Sample(_sampler!);
        if (token.IsEndOfGeneration(vocab))
            return End(clock.Now, "stop");

        // The token exists once sampled: that is its arrival, as a streaming server would send it now.
        _arrivals.Add(new ChunkArrival(clock.Now, 1));
        _decoder!.Add(token);
        if (_arrivals.Count >= request.MaxTokens || conversation.TokenCount >= sequenceTokens)
            return End(clock.Now, "length");
        conversation.Prompt(token);
        return null;
    }

    private EmbeddedGeneration End(double endS, string finish) =>
        new(startS, _prefillEndS!.Value, endS, _promptTokens, _arrivals, _decoder!.Read(), finish, Engine: null, EngineCpuS: null);

    /// <summary>Ends the sequence: removes its tokens from the KV cache and frees its sequence id (<see cref="Conversation.Dispose"/>).</summary>
    public void Dispose()
    {
        _conversation?.Dispose();
        _sampler?.Dispose();
    }
}

using LLama;
using LLama.Common;
using LLama.Extensions;
using LLama.Native;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// Batch size 1: one request at a time in a context of one sequence (<c>Embedded:ContextTokens</c> tokens), with llama.cpp's
/// perf counters on, so each request also gets the engine's own prefill and decode timings and its generating thread's CPU.
/// </summary>
internal sealed class OneSequenceEngine : IDisposable
{
    private readonly LoadedWeights _model;
    private readonly SafeLLamaContextHandle _context;
    private readonly SessionClock _clock;

    /// <summary>A context of <paramref name="contextTokens"/> tokens for <paramref name="model"/> on <paramref name="threads"/> CPU threads.</summary>
    public OneSequenceEngine(LoadedWeights model, int contextTokens, int threads, SessionClock clock)
    {
        _model = model;
        _clock = clock;
        Threads = threads;
        _context = SafeLLamaContextHandle.Create(model.Weights.NativeHandle, ContextParameters(model.File.Path, contextTokens, threads));
    }

    /// <summary>
    /// llama.cpp's parameters for a context of <paramref name="contextTokens"/> tokens of one sequence of the model at
    /// <paramref name="modelPath"/> on <paramref name="threads"/> CPU threads (CPU backend). Perf counters are on (llama.cpp
    /// keeps none unless asked: <c>no_perf</c> defaults to true), so its own timings can be reported beside the harness's.
    /// The KV cache is not unified (llama.cpp's own default; LLamaSharp turns <c>kv_unified</c> on for every context): with it
    /// on, llama.cpp checks each batch against all LLAMA_MAX_SEQ (256) possible sequences before its decode timer starts, about
    /// 60 µs a token on a 2-core machine that the harness's clock sees and llama.cpp's counters do not (benchmarks/Engine,
    /// EngineDecodeBenchmarks). One sequence has one KV stream either way.
    /// </summary>
    internal static LLamaContextParams ContextParameters(string modelPath, int contextTokens, int threads)
    {
        var parameters = new ModelParams(modelPath)
        {
            ContextSize = (uint)contextTokens,
            GpuLayerCount = 0,
            Threads = threads,
            BatchThreads = threads,
            KVUnified = false,
        };
        parameters.ToLlamaContextParams(out var native);
        native.no_perf = false;
        return native;
    }

    /// <summary>CPU threads for decode and prompt evaluation.</summary>
    public int Threads { get; }

    /// <summary>The model this engine decodes.</summary>
    public string Model => _model.File.Name;

    /// <summary>
    /// Generates <paramref name="request"/>'s answer from an empty KV cache, on the calling thread. Throws
    /// <see cref="BackendException"/> when the prompt does not fit the context or llama_decode fails.
    /// </summary>
    public CompletionResult Generate(CompletionRequest request, CancellationToken cancellationToken)
    {
        var context = _context;
        var contextSize = (int)context.ContextSize;
        context.MemoryClear(true);
        context.ResetTimings();
        using var sampler = RequestSampler.For(request);
        var decoder = new StreamingTokenDecoder(System.Text.Encoding.UTF8, context);
        var batch = new LLamaBatch();

        var startS = _clock.Now;
        var startCpuS = Overhead.ThreadCpuClock.Now();
        var prompt = context.Tokenize(request.Prompt, true, false, System.Text.Encoding.UTF8);
        if (prompt.Length >= contextSize)
        {
            throw new BackendException($"the prompt has {prompt.Length} tokens but the context holds {contextSize} (Embedded:ContextTokens): raise it or shorten the prompt.");
        }

        for (var i = 0; i < prompt.Length; i++)
            batch.Add(prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        Decode(context, batch, request.Model);
        var prefillEndS = _clock.Now;

        var arrivals = new List<ChunkArrival>(request.MaxTokens);
        var position = prompt.Length;
        var finish = "length";
        while (arrivals.Count < request.MaxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context, batch.TokenCount - 1);
            if (token.IsEndOfGeneration(_model.Weights.Vocab))
            {
                finish = "stop";
                break;
            }

            // The token exists once sampled: that is its arrival, as a streaming server would send it now.
            arrivals.Add(new ChunkArrival(_clock.Now, 1));
            decoder.Add(token);
            if (arrivals.Count == request.MaxTokens || position >= contextSize)
                break;
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode(context, batch, request.Model);
        }

        var endS = _clock.Now;
        var engineCpuS = Overhead.ThreadCpuClock.Now() - startCpuS;
        var timings = context.GetTimings();
        var engine = new EngineTimings("llama.cpp llama_perf_context", timings.PrompTokensEvaluated, timings.PromptEval.TotalMilliseconds,
            timings.TokensEvaluated, timings.Eval.TotalMilliseconds);
        return new EmbeddedGeneration(startS, prefillEndS, endS, prompt.Length, arrivals, decoder.Read(), finish, engine, engineCpuS)
            .ToResult(request, Model);
    }

    private static void Decode(SafeLLamaContextHandle context, LLamaBatch batch, string model)
    {
        var result = context.Decode(batch);
        if (result != DecodeResult.Ok)
            throw new BackendException($"llama.cpp failed to decode a batch of '{model}' ({result}): the context may be full (Embedded:ContextTokens).");
        // llama_decode may return before the computation has finished (llama.cpp stops its own prefill and decode
        // timers only at the next synchronize, which reading the logits does later). Waiting here makes the harness's
        // windows end when the tokens are computed, on every backend, and keeps llama.cpp's counters inside them.
        context.Synchronize();
    }

    /// <summary>Frees the context (the weights stay loaded).</summary>
    public void Dispose() => _context.Dispose();
}

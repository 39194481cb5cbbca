using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Embedded;

namespace SlmEnergyBench.Benchmarks.Engine;

/// <summary>
/// The bare minimum that generates the same answer as the harness's in-process engine: LLamaSharp over llama.cpp with the
/// same context (<see cref="OneSequenceEngine.ContextParameters"/>: tokens, threads, perf counters on) and the same sampler (<see cref="RequestSampler"/>), and nothing else:
/// no session clock, no arrivals, no detokenising, no cancellation checks. Its own Stopwatch times the first token to the
/// last, and a second Stopwatch the sampler alone between them, so the time between llama.cpp's decode calls can be split.
/// </summary>
internal sealed class BareDecodeLoop : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly SafeLLamaContextHandle _context;

    /// <summary>Loads <paramref name="modelPath"/> (a GGUF file) with a context of <paramref name="contextTokens"/> tokens on <paramref name="threads"/> CPU threads.</summary>
    public BareDecodeLoop(string modelPath, int contextTokens, int threads)
    {
        _weights = LLamaWeights.LoadFromFile(new ModelParams(modelPath) { GpuLayerCount = 0 });
        _context = SafeLLamaContextHandle.Create(_weights.NativeHandle, OneSequenceEngine.ContextParameters(modelPath, contextTokens, threads));
    }

    /// <summary>Generates <paramref name="request"/>'s answer from an empty KV cache and returns what the two clocks and llama.cpp saw.</summary>
    /// <exception cref="InvalidOperationException">llama_decode failed.</exception>
    public BareDecode Run(CompletionRequest request)
    {
        _context.MemoryClear(true);
        _context.ResetTimings();
        using var sampler = RequestSampler.For(request);
        var vocab = _weights.Vocab;
        var prompt = _context.Tokenize(request.Prompt, true, false, System.Text.Encoding.UTF8);
        var batch = new LLamaBatch();
        for (var i = 0; i < prompt.Length; i++)
            batch.Add(prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        Decode(batch);

        var token = sampler.Sample(_context, batch.TokenCount - 1);
        var sampling = new Stopwatch();
        var first = Stopwatch.GetTimestamp();
        var tokens = 0;
        var position = prompt.Length;
        while (!token.IsEndOfGeneration(vocab))
        {
            tokens++;
            if (tokens == request.MaxTokens)
                break;
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode(batch);
            sampling.Start();
            token = sampler.Sample(_context, 0);
            sampling.Stop();
        }

        var clockS = Stopwatch.GetElapsedTime(first).TotalSeconds;
        var t = _context.GetTimings();
        var engine = new EngineTimings("llama.cpp llama_perf_context", t.PrompTokensEvaluated, t.PromptEval.TotalMilliseconds, t.TokensEvaluated, t.Eval.TotalMilliseconds);
        return new BareDecode(tokens, clockS, sampling.Elapsed.TotalSeconds, engine);
    }

    private void Decode(LLamaBatch batch)
    {
        if (_context.Decode(batch) is var result && result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode failed ({result}) in the bare loop: the context may be full.");
    }

    /// <summary>Frees the context and the weights.</summary>
    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }
}

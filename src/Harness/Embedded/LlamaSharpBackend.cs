using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Extensions;
using LLama.Native;
using LLama.Sampling;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Text;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// llama.cpp in process (LLamaSharp, CPU backend). One model is loaded at a time (the first request of a model
/// loads it: the warm-up pays that); every request starts from an empty KV cache, like GPT4All's server.
/// The harness times each request itself: <see cref="CompletionResult.PrefillS"/> from the start to the end of
/// the prompt's decode, <see cref="CompletionResult.TimeToFirstTokenS"/> to the first sampled token, and
/// <see cref="CompletionResult.DecodeS"/> from the end of prefill to the end; llama.cpp's own perf counters for
/// the same request are reported beside them in <see cref="CompletionResult.Engine"/>. Each generated token's arrival
/// (the moment it is sampled, on the session clock) makes <see cref="CompletionResult.Stream"/> (one token per arrival,
/// counted by the harness), so the in-process engine has the same TTFT, ITL, TPOT and decode rate as a streaming server;
/// <see cref="CompletionResult.TimeToFirstTokenS"/> is that stream's TTFT (null when the first sampled token ends the answer).
/// </summary>
public sealed class LlamaSharpBackend(EmbeddedOptions options, EmbeddedModelResolver resolver, SessionClock clock) : ICompletionBackend, IRevealsSettings, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedModel? _loaded;

    public string Name => BackendKinds.LlamaSharp;

    public string Location => $"llama.cpp in process (LLamaSharp {LlamaSharpVersion}, CPU backend, {Threads} thread{(Threads == 1 ? "" : "s")})";

    private static string LlamaSharpVersion =>
        typeof(LlamaSharpBackend).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LLamaSharpVersion")?.Value is { Length: > 0 } v
            ? v
            : "version unknown";

    /// <summary>The model files resolved so far, with their content hashes.</summary>
    public IReadOnlyList<ModelFile> ModelFiles => resolver.Resolved;

    /// <summary>
    /// The engine's own settings for every model (<see cref="IRevealsSettings"/>): LLamaSharp's version, context tokens, threads, GPU layers
    /// (0: the CPU backend) and the sampler's defaults as this backend sets them (top-k, min-p and repeat penalty stay LLamaSharp's).
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SettingsAsync(string model, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["version"] = $"LLamaSharp {LlamaSharpVersion}",
            ["context_tokens"] = options.ContextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["threads"] = Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["gpu_layers"] = "0",
            ["parallel_slots"] = "1",
        });

    private int Threads => options.Threads > 0 ? options.Threads : Environment.ProcessorCount;

    public async Task<Availability> CheckAsync(IReadOnlyList<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        try
        {
            _ = NativeApi.llama_max_devices();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or RuntimeError or EntryPointNotFoundException)
        {
            return Availability.No($"llama.cpp's native library could not be loaded ({e.GetType().Name}: {e.Message}). The LLamaSharp.Backend.Cpu package carries it for linux-x64, osx and win: check that the build output has runtimes/<rid>/native.");
        }

        var problems = new List<string>();
        foreach (var model in models)
        {
            var (_, problem) = await resolver.ResolveAsync(model, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
                problems.Add(problem);
        }

        return problems.Count == 0 ? Availability.Yes(Location) : Availability.No(string.Join(" ", problems));
    }

    public async Task<CompletionResult> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var model = await LoadAsync(request.Model, cancellationToken).ConfigureAwait(false);
            return await Task.Run(() => Generate(model, request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<LoadedModel> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (_loaded?.File.Name == name)
            return _loaded;
        var (file, problem) = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        if (file is null)
            throw new BackendException(problem!);

        _loaded?.Dispose();
        _loaded = null;
        var parameters = new ModelParams(file.Path)
        {
            ContextSize = (uint)options.ContextTokens,
            GpuLayerCount = 0,
            Threads = Threads,
            BatchThreads = Threads,
        };
        try
        {
            var weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken).ConfigureAwait(false);

            // llama.cpp keeps no perf counters unless asked (no_perf defaults to true): ask, so its own timings
            // can be reported beside the harness's.
            parameters.ToLlamaContextParams(out var native);
            native.no_perf = false;
            try
            {
                _loaded = new LoadedModel(file, weights, SafeLLamaContextHandle.Create(weights.NativeHandle, native));
            }
            catch
            {
                weights.Dispose();
                throw;
            }

            return _loaded;
        }
        catch (Exception e) when (e is LoadWeightsFailedException or RuntimeError)
        {
            throw new BackendException($"llama.cpp could not load '{name}' from {file.Path}: {e.Message}. Check that the file is a complete GGUF model llama.cpp supports.", e);
        }
    }

    private CompletionResult Generate(LoadedModel model, CompletionRequest request, CancellationToken cancellationToken)
    {
        var context = model.Context;
        var contextSize = (int)context.ContextSize;
        context.MemoryClear(true);
        context.ResetTimings();
        using var sampler = new DefaultSamplingPipeline { Temperature = (float)request.Temperature, Seed = request.Seed, TopP = (float)(request.TopP ?? 1.0) };
        var decoder = new StreamingTokenDecoder(System.Text.Encoding.UTF8, context);
        var batch = new LLamaBatch();

        var startS = clock.Now;
        var startCpuS = Overhead.ThreadCpuClock.Now();
        var prompt = context.Tokenize(request.Prompt, true, false, System.Text.Encoding.UTF8);
        if (prompt.Length >= contextSize)
        {
            throw new BackendException($"the prompt has {prompt.Length} tokens but the context holds {contextSize} (Embedded:ContextTokens): raise it or shorten the prompt.");
        }

        for (var i = 0; i < prompt.Length; i++)
            batch.Add(prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        Decode(context, batch, request.Model);
        var prefillEndS = clock.Now;

        var arrivals = new List<ChunkArrival>(request.MaxTokens);
        var generated = 0;
        var position = prompt.Length;
        var finish = "length";
        while (generated < request.MaxTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = sampler.Sample(context, batch.TokenCount - 1);
            if (token.IsEndOfGeneration(model.Weights.Vocab))
            {
                finish = "stop";
                break;
            }

            // The token exists once sampled: that is its arrival, as a streaming server would send it now.
            arrivals.Add(new ChunkArrival(clock.Now, 1));
            decoder.Add(token);
            generated++;
            if (generated == request.MaxTokens || position >= contextSize)
                break;
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode(context, batch, request.Model);
        }

        var endS = clock.Now;
        var engineCpuS = Overhead.ThreadCpuClock.Now() - startCpuS;
        var text = decoder.Read();
        var timings = context.GetTimings();
        var stream = StreamTimings.From(startS, endS, arrivals, null, TokenCountSource.EngineCount);
        return new CompletionResult
        {
            RequestedModel = request.Model,
            ServedModel = model.File.Name,
            Text = text,
            StartS = startS,
            EndS = endS,
            PromptTokens = prompt.Length,
            CompletionTokens = generated,
            PromptTokensSource = TokenCountSource.EngineCount,
            CompletionTokensSource = TokenCountSource.EngineCount,
            WordCount = TextMetrics.CountWords(text),
            WordRule = TextMetrics.WordRule,
            CharacterCount = TextMetrics.CountCharacters(text),
            FinishReason = finish,
            PrefillS = prefillEndS - startS,
            TimeToFirstTokenS = stream?.TimeToFirstTokenS,
            Stream = stream,
            DecodeS = endS - prefillEndS,
            Engine = new EngineTimings("llama.cpp llama_perf_context", timings.PrompTokensEvaluated, timings.PromptEval.TotalMilliseconds,
                timings.TokensEvaluated, timings.Eval.TotalMilliseconds),
            EngineCpuS = engineCpuS,
        };
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

    public void Dispose()
    {
        _loaded?.Dispose();
        _gate.Dispose();
    }

    private sealed record LoadedModel(ModelFile File, LLamaWeights Weights, SafeLLamaContextHandle Context) : IDisposable
    {
        public void Dispose()
        {
            Context.Dispose();
            Weights.Dispose();
        }
    }
}

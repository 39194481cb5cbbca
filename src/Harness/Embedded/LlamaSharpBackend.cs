using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>
/// llama.cpp in process (LLamaSharp, CPU backend). One model is loaded at a time (the first request of a model
/// loads it: the warm-up pays that); every request starts from an empty KV cache, like GPT4All's server.
/// The harness times each request itself: <see cref="CompletionResult.PrefillS"/> from the start to the end of
/// the prompt's decode, <see cref="CompletionResult.TimeToFirstTokenS"/> to the first sampled token, and
/// <see cref="CompletionResult.DecodeS"/> from the end of prefill to the end. Each generated token's arrival
/// (the moment it is sampled, on the session clock) makes <see cref="CompletionResult.Stream"/> (one token per arrival,
/// counted by the harness), so the in-process engine has the same TTFT, ITL, TPOT and decode rate as a streaming server;
/// <see cref="CompletionResult.TimeToFirstTokenS"/> is that stream's TTFT (null when the first sampled token ends the answer).
/// <para>
/// <see cref="CompletionRequest.BatchSize"/> 1: one request at a time in a one-sequence context, with llama.cpp's own perf
/// counters (<see cref="CompletionResult.Engine"/>) and the generating thread's CPU (<see cref="CompletionResult.EngineCpuS"/>).
/// Batch size N &gt; 1: the scheduler keeps N requests in flight (N concurrent calls) and <see cref="BatchedEngine"/> decodes
/// them together, one llama_decode per step for all of them (LLamaSharp's BatchedExecutor, continuous batching), each
/// request with <c>Embedded:ContextTokens</c> KV cells of its own; there <see cref="CompletionResult.Engine"/> and
/// <see cref="CompletionResult.EngineCpuS"/> are null (one context's counters and threads serve every request in flight).
/// <see cref="CompletionRequest.Threads"/> (else <c>Embedded:Threads</c>; 0 = every logical core) sets the context's threads:
/// a change of threads, batch size or model rebuilds the context, between points only (a request that would change them
/// while others are in flight fails with a <see cref="BackendException"/>).
/// </para>
/// </summary>
public sealed class LlamaSharpBackend(EmbeddedOptions options, EmbeddedModelResolver resolver, SessionClock clock) : ICompletionBackend, IRevealsSettings, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedWeights? _weights;
    private OneSequenceEngine? _oneSequence;
    private BatchedEngine? _batched;

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
    /// The engine's own settings for every model (<see cref="IRevealsSettings"/>): LLamaSharp's version, context tokens (per
    /// sequence), threads (<c>Embedded:Threads</c>, 0 resolved to the logical cores), batch size (<c>Embedded:BatchSize</c>: sequences
    /// decoded together, also given as <c>parallel_slots</c>) and GPU layers (0: the CPU backend), as configured; a sweep point's own
    /// batch size and threads come with its requests (<see cref="CompletionRequest.BatchSize"/>, <see cref="CompletionRequest.Threads"/>).
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SettingsAsync(string model, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["version"] = $"LLamaSharp {LlamaSharpVersion}",
            ["context_tokens"] = options.ContextTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["threads"] = Threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["batch_size"] = options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["gpu_layers"] = "0",
            ["parallel_slots"] = options.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private int Threads => options.Threads > 0 ? options.Threads : Environment.ProcessorCount;

    /// <summary>The request's threads (<see cref="CompletionRequest.Threads"/>, else <c>Embedded:Threads</c>); 0 = every logical core.</summary>
    private int ThreadsFor(CompletionRequest request) => request.Threads switch
    {
        null => Threads,
        0 => Environment.ProcessorCount,
        var t => t.Value,
    };

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
        if (request.BatchSize is < 1 or > ConfigValidator.MaxBatchSize)
            throw new BackendException($"batch size {request.BatchSize} is outside 1..{ConfigValidator.MaxBatchSize} (llama.cpp's most sequences in one context, LLAMA_MAX_SEQ): set Embedded:BatchSize within it.");
        if (request.Threads is < 0)
            throw new BackendException($"threads {request.Threads} is negative: set Embedded:Threads to 0 (every logical core) or a positive count.");
        var threads = ThreadsFor(request);
        Task<CompletionResult> answer;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RefuseMixedPoints(request, threads);
            var model = await LoadAsync(request.Model, cancellationToken).ConfigureAwait(false);
            if (request.BatchSize == 1)
            {
                var engine = OneSequence(model, threads);
                return await Task.Run(() => engine.Generate(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            answer = Batched(model, request.BatchSize, threads).Submit(request, clock.Now, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        return await answer.ConfigureAwait(false);
    }

    /// <summary>
    /// The scheduler changes batch size, threads or model only between points, when nothing is in flight: a request that would
    /// change them under requests still decoding is refused (the context cannot be rebuilt under them).
    /// </summary>
    private void RefuseMixedPoints(CompletionRequest request, int threads)
    {
        if (_batched is not { InFlight: > 0 } busy)
            return;
        if (busy.Model != request.Model || busy.Sequences != request.BatchSize || busy.Threads != threads)
        {
            throw new BackendException($"a request for '{request.Model}' at batch size {request.BatchSize}, {threads} thread(s) arrived while {busy.InFlight} request(s) for '{busy.Model}' at batch size {busy.Sequences}, {busy.Threads} thread(s) are in flight: the scheduler must not mix points (model, Embedded:BatchSize, Embedded:Threads) in flight.");
        }
    }

    private OneSequenceEngine OneSequence(LoadedWeights model, int threads)
    {
        if (_oneSequence is { } current && current.Threads == threads)
            return current;
        DropContexts();
        try
        {
            return _oneSequence = new OneSequenceEngine(model, options.ContextTokens, threads, clock);
        }
        catch (RuntimeError e)
        {
            throw new BackendException($"llama.cpp could not make a context of {options.ContextTokens} tokens for '{model.File.Name}' ({e.Message}): lower Embedded:ContextTokens.", e);
        }
    }

    private BatchedEngine Batched(LoadedWeights model, int sequences, int threads)
    {
        if (_batched is { Broken: false } current && current.Sequences == sequences && current.Threads == threads)
            return current;
        DropContexts();
        return _batched = new BatchedEngine(model, sequences, threads, options.ContextTokens, clock);
    }

    /// <summary>Frees the loaded contexts (only with nothing in flight: <see cref="RefuseMixedPoints"/> runs first).</summary>
    private void DropContexts()
    {
        _oneSequence?.Dispose();
        _oneSequence = null;
        _batched?.Dispose();
        _batched = null;
    }

    private async Task<LoadedWeights> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (_weights?.File.Name == name)
            return _weights;
        var (file, problem) = await resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
        if (file is null)
            throw new BackendException(problem!);

        DropContexts();
        _weights?.Dispose();
        _weights = null;
        var parameters = new ModelParams(file.Path)
        {
            ContextSize = (uint)options.ContextTokens,
            GpuLayerCount = 0,
            Threads = Threads,
            BatchThreads = Threads,
        };
        try
        {
            _weights = new LoadedWeights(file, await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken).ConfigureAwait(false));
            return _weights;
        }
        catch (Exception e) when (e is LoadWeightsFailedException or RuntimeError)
        {
            throw new BackendException($"llama.cpp could not load '{name}' from {file.Path}: {e.Message}. Check that the file is a complete GGUF model llama.cpp supports.", e);
        }
    }

    public void Dispose()
    {
        DropContexts();
        _weights?.Dispose();
        _gate.Dispose();
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Benchmarks.Engine;

/// <summary>
/// One in-process request per size of the synthetic ladder (the <c>synthetic</c> profile's engine settings: its threads and
/// context tokens; a fixed prompt, temperature 0, <see cref="MaxTokens"/> tokens): through the harness
/// (<see cref="LlamaSharpBackend"/>, the product's path) and through <see cref="BareDecodeLoop"/> (LLamaSharp alone, the
/// baseline). Besides the time per request, each request's decode rate by its own clock and by llama.cpp's counters is
/// recorded (<see cref="DecodeRateComparison"/>), with the time between decode calls per token and, for the bare loop, the
/// sampler's share of it.
/// </summary>
[Goal("Decode tokens/s through the harness (its stream's rate: tokens after the first / (end - first token), the figure the summaries and report show) within 5% of llama.cpp's own counters (n_eval / t_eval of llama_perf_context) for the same request, at every synthetic size.")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[SideFigure(HarnessRate, "Harness tok/s: decode tokens/s by the method's own clock, (tokens - 1) / (end - first token); for Harness the harness's stream timings (CompletionResult.Stream.DecodeTokensPerSecond), for Bare a Stopwatch", "0.0")]
[SideFigure(EngineRate, "llama.cpp tok/s: n_eval / t_eval from llama_perf_context for the same request (single-token llama_decode calls only: no sampling, no detokenising)", "0.0")]
[SideFigure(Difference, "Difference %: (Harness tok/s / llama.cpp tok/s - 1) x 100; negative = the clock sees a slower decode", "0.00")]
[SideFigure(BetweenDecodes, "Between decodes µs/token: (clock s - t_eval s) / (tokens - 1) x 10^6, the time per token outside llama_decode (sampling, detokenising, bookkeeping)", "0")]
[SideFigure(Sampling, "Sampling µs/token: the sampler alone per token (Bare only: a Stopwatch around each sample after the first)", "0")]
public class EngineDecodeBenchmarks
{
    /// <summary>Tokens each answer runs to (its length: the prompt's greedy answer has no end-of-generation token before).</summary>
    public const int MaxTokens = 64;

    /// <summary>The one prompt every request sends.</summary>
    public const string Prompt = "Give three tips for staying healthy.";

    private const string HarnessRate = "Harness tok/s";
    private const string EngineRate = "llama.cpp tok/s";
    private const string Difference = "Difference %";
    private const string BetweenDecodes = "Between decodes µs/token";
    private const string Sampling = "Sampling µs/token";

    private LlamaSharpBackend? _backend;
    private BareDecodeLoop? _bare;
    private CompletionRequest _request = null!;
    private DecodeRateComparison? _last;
    private double? _lastSamplingS;

    /// <summary>The synthetic ladder model (SyntheticModels.Ladder).</summary>
    [Params("synthetic-1b-scaled", "synthetic-3b-scaled", "synthetic-8b-scaled")]
    public string Model { get; set; } = "";

    /// <summary>Loads the model into the harness's engine and checks that the answer runs to its length.</summary>
    [GlobalSetup(Target = nameof(Harness))]
    public void SetUpHarness()
    {
        var config = SyntheticProfile();
        var options = config.Options.Embedded;
        var resolver = new EmbeddedModelResolver(options, config.RepositoryRoot, SyntheticModelSource.For(config.Resolve(options.SyntheticCacheDirectory)));
        _backend = new LlamaSharpBackend(options, resolver, new SessionClock());
        _request = new CompletionRequest(Model, Prompt, MaxTokens, Temperature: 0);
        Check(DecodeRateComparison.Of(_backend.CompleteAsync(_request, CancellationToken.None).GetAwaiter().GetResult()).Tokens);
    }

    /// <summary>Loads the model into the bare loop and checks that the answer runs to its length.</summary>
    [GlobalSetup(Target = nameof(Bare))]
    public void SetUpBare()
    {
        var config = SyntheticProfile();
        var options = config.Options.Embedded;
        var file = SyntheticModelSource.For(config.Resolve(options.SyntheticCacheDirectory))(Model, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"'{Model}' is not a synthetic model.");
        _bare = new BareDecodeLoop(file.Path, options.ContextTokens, options.Threads > 0 ? options.Threads : Environment.ProcessorCount);
        _request = new CompletionRequest(Model, Prompt, MaxTokens, Temperature: 0);
        var answer = _bare.Run(_request);
        Check(DecodeRateComparison.Of(answer.Tokens, answer.ClockS, answer.Engine).Tokens);
    }

    /// <summary>The bare minimum: LLamaSharp's loop with the harness's sampler, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int Bare()
    {
        var answer = _bare!.Run(_request);
        _last = DecodeRateComparison.Of(answer.Tokens, answer.ClockS, answer.Engine);
        _lastSamplingS = answer.SamplingS;
        return answer.Tokens;
    }

    /// <summary>One request through the harness's in-process backend.</summary>
    [Benchmark]
    public int Harness()
    {
        var result = _backend!.CompleteAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        _last = DecodeRateComparison.Of(result);
        return _last.Tokens;
    }

    /// <summary>Records the last request's rates as side figures, outside the timed call.</summary>
    [IterationCleanup]
    public void RecordFigures()
    {
        if (_last is not { } last)
            return;
        var method = _bare is null ? nameof(Harness) : nameof(Bare);
        var key = SideFigures.Key(GetType(), method, (nameof(Model), Model));
        SideFigures.Record(key, HarnessRate, last.ClockTokensPerSecond);
        SideFigures.Record(key, EngineRate, last.EngineTokensPerSecond);
        SideFigures.Record(key, Difference, last.DifferencePercent);
        SideFigures.Record(key, BetweenDecodes, last.OverheadMicrosecondsPerToken);
        if (_lastSamplingS is { } samplingS)
            SideFigures.Record(key, Sampling, samplingS / (last.Tokens - 1) * 1e6);
        _last = null;
    }

    /// <summary>Frees the engine.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        _backend?.Dispose();
        _bare?.Dispose();
    }

    private static LoadedConfiguration SyntheticProfile() =>
        ConfigLoader.Load(RepositoryPaths.FindRoot(), new Dictionary<string, string?> { [ConfigLoader.ProfileVariable] = "synthetic" });

    private void Check(int tokens)
    {
        if (tokens != MaxTokens)
            throw new InvalidOperationException($"'{Model}' answered the prompt with {tokens} tokens, not {MaxTokens}: choose a prompt whose greedy answer runs to its length.");
    }
}

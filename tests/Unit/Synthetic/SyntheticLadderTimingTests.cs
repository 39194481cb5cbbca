using System.Diagnostics;
using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Synthetic;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>
/// Measures the ladder on this machine: write, load, warm up, then 32 tokens for each of 4 prompts per size. Explicit (run with
/// <c>dotnet test tests/Unit --filter "FullyQualifiedName~SyntheticLadderTimingTests" -- xUnit.Explicit=only</c>):
/// it takes tens of seconds and its numbers are for the closing notes, not for CI. The real-shapes test writes about
/// 0.8 GB into the repository's <c>.cache/models</c> (a minute or two the first time).
/// </summary>
public sealed class SyntheticLadderTimingTests
{
    private static readonly string[] Prompts =
    [
        "Explain why the sky is blue.",
        "Write a short poem about water.",
        "List three ideas for a small energy saving.",
        "Describe a simple model of the world.",
    ];

    [Fact(Explicit = true)]
    public async Task RealShapesOneB_WrittenToTheRepositoryCache_GeneratesAtARealisticRate()
    {
        // Arrange: about 0.8 GB, written once into .cache/models and reused afterwards.
        var ct = TestContext.Current.CancellationToken;
        var root = RepositoryPaths.FindRoot();
        var cacheDirectory = RepositoryPaths.Resolve(root, new EmbeddedOptions().SyntheticCacheDirectory);
        var spec = SyntheticModels.Llama32OneBShapesQ4;

        // Act
        var clock = Stopwatch.StartNew();
        var file = await SyntheticModelCache.EnsureAsync(spec, cacheDirectory, ct);
        var ensured = clock.Elapsed;
        clock.Restart();
        using var weights = SyntheticGeneration.Load(file.Path);
        var loaded = clock.Elapsed;
        await SyntheticGeneration.GenerateAsync(weights, "Warm up.", 2, seed: 1, ct);
        var run = await SyntheticGeneration.GenerateAsync(weights, Prompts[0], 16, seed: 1, ct);

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name}: {file.Bytes / 1e6:F0} MB ensured in {ensured.TotalSeconds:F1} s, loaded in {loaded.TotalSeconds:F2} s, " +
            $"{run.TokensPerSecond:F1} tokens/s, prompt {run.PromptTokens / run.PromptElapsed.TotalSeconds:F0} tokens/s"));
        weights.Vocab.Count.Should().Be(128256);
        weights.EmbeddingSize.Should().Be(2048);
        run.Tokens.Should().HaveCount(16);
    }

    [Fact(Explicit = true)]
    public async Task Ladder_FourPromptsOfThirtyTwoTokens_GetsSlowerWithSize()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var cache = new TempDirectory();
        var rates = new List<double>();
        var total = Stopwatch.StartNew();

        foreach (var spec in SyntheticModels.Ladder)
        {
            // Act
            var clock = Stopwatch.StartNew();
            var file = await SyntheticModelCache.EnsureAsync(spec, cache.Path, ct);
            var written = clock.Elapsed;
            clock.Restart();
            using var weights = SyntheticGeneration.Load(file.Path);
            var loaded = clock.Elapsed;
            clock.Restart();
            await SyntheticGeneration.GenerateAsync(weights, "Warm up.", 4, seed: 1, ct);
            var runs = new List<GenerationRun>();
            foreach (var prompt in Prompts)
                runs.Add(await SyntheticGeneration.GenerateAsync(weights, prompt, 32, seed: 1, ct));
            var generated = clock.Elapsed;
            var rate = runs.Sum(r => r.Tokens.Count) / runs.Sum(r => r.GenerationElapsed.TotalSeconds);
            rates.Add(rate);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name}: {file.Bytes / 1e6:F1} MB written in {written.TotalSeconds:F2} s, loaded in {loaded.TotalSeconds:F2} s, " +
                $"4x32 tokens in {generated.TotalSeconds:F2} s, {rate:F1} tokens/s, prompt {runs.Average(r => r.PromptTokens / r.PromptElapsed.TotalSeconds):F0} tokens/s"));
        }

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total.Elapsed.TotalSeconds:F1} s"));
        TestContext.Current.TestOutputHelper?.WriteLine(SyntheticModels.DescribeCosts());
        rates[^1].Should().BeLessThan(rates[0], "the 8b stand-in costs six times the 1b stand-in per token");
    }
}

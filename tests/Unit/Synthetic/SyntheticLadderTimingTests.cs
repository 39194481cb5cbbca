using System.Diagnostics;
using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>
/// Measures the synthetic models on this machine and prints the figures. Explicit (run with
/// <c>dotnet test tests/Unit --filter "FullyQualifiedName~SyntheticLadderTimingTests" --logger "console;verbosity=detailed" -- xUnit.Explicit=only</c>):
/// they take tens of seconds and their numbers are for the README and closing notes, not for CI. Both write into the
/// repository's <c>.cache/models</c>: the ladder (about 0.5 GB) as a default run does, the real-shapes model about
/// 0.8 GB (a minute or two the first time).
/// </summary>
public sealed class SyntheticLadderTimingTests
{
    /// <summary>Rounds of the interleaved ladder measurement: each prompt three times.</summary>
    private const int LadderRounds = 12;

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
    public async Task Ladder_InterleavedRoundsWithTheSyntheticProfile_PrintsDecodeRatesBesideTheCostRatios()
    {
        // Arrange: the synthetic profile's models and settings (ENERGYBENCH__ variables apply, e.g.
        // ENERGYBENCH__Embedded__Threads=0 for all cores), the models in the repository's cache like a default run.
        var ct = TestContext.Current.CancellationToken;
        var root = RepositoryPaths.FindRoot();
        var environment = ConfigLoader.ReadEnvironment();
        environment[ConfigLoader.ProfileVariable] = "synthetic";
        var options = ConfigLoader.Load(root, environment).Options;
        var specs = options.Models.Select(name => SyntheticModels.TryFind(name, out var spec) ? spec : throw new InvalidOperationException($"{name} is not a synthetic model")).ToList();
        var cacheDirectory = RepositoryPaths.Resolve(root, options.Embedded.SyntheticCacheDirectory);
        var output = TestContext.Current.TestOutputHelper;
        foreach (var spec in specs)
        {
            var clock = Stopwatch.StartNew();
            var file = await SyntheticModelCache.EnsureAsync(spec, cacheDirectory, ct);
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}: {file.Bytes / 1e6:F1} MB, ready in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        // Act
        var rates = await LadderDecodeMeasurement.MeasureAsync(specs, options, LadderRounds, cacheDirectory, ct);

        // Assert: the figures are printed, not judged (a shared machine's load moves them); each request was timed.
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} logical cores, Embedded:Threads {options.Embedded.Threads}; {LadderRounds} interleaved rounds of {options.Generation.MaxTokens} tokens; median (min-max)"));
        output?.WriteLine("llama.cpp's decode counters:");
        foreach (var line in LadderDecodeReport.Lines(specs, rates.Engine))
            output?.WriteLine("  " + line);
        output?.WriteLine("harness decode window (sampling included):");
        foreach (var line in LadderDecodeReport.Lines(specs, rates.Harness))
            output?.WriteLine("  " + line);
        output?.WriteLine(SyntheticModels.DescribeCosts());
        rates.Engine.Should().HaveCount(specs.Count).And.OnlyContain(r => r.Length == LadderRounds && r.All(rate => rate > 0));
    }
}

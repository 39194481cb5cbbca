using System.Globalization;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Embedded;

/// <summary>
/// Measures the in-process engine's decode rate (all sequences together) at batch size 1, 2 and 4 with 1 and 2 threads on a
/// synthetic model and prints it. Explicit (run with
/// <c>dotnet test tests/Unit --filter "FullyQualifiedName~BatchedDecodeRateTests" --logger "console;verbosity=detailed" -- xUnit.Explicit=only</c>):
/// its numbers are for the README and closing notes, not for CI. The models are in the repository's <c>.cache/models</c>.
/// </summary>
public sealed class BatchedDecodeRateTests
{
    private const int MaxTokens = 64;
    private const int Rounds = 3;
    private static readonly int[] BatchSizes = [1, 2, 4];
    private static readonly int[] ThreadCounts = [1, 2];

    [Theory(Explicit = true)]
    [InlineData("synthetic-1b-scaled")]
    [InlineData("synthetic-3b-scaled")]
    public async Task DecodeRate_BatchSizesAndThreads_PrintsTokensPerSecondOfAllSequences(string model)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var cache = RepositoryPaths.Resolve(RepositoryPaths.FindRoot(), new EmbeddedOptions().SyntheticCacheDirectory);
        var options = new EmbeddedOptions { ContextTokens = 256, Threads = 1, ModelFolder = cache, SyntheticCacheDirectory = cache };
        using var backend = new LlamaSharpBackend(options, new EmbeddedModelResolver(options, cache, SyntheticModelSource.For(cache)), new SessionClock());
        var rates = new Dictionary<(int Threads, int Batch), List<double>>();

        // Act: rounds interleave the points, so a slow moment of a shared machine spreads over all of them.
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var threads in ThreadCounts)
            {
                foreach (var batch in BatchSizes)
                {
                    var request = new CompletionRequest(model, "Explain why the sky is blue.", MaxTokens, 0.7) { BatchSize = batch, Threads = threads };
                    await Task.WhenAll(Enumerable.Range(0, batch).Select(i => backend.CompleteAsync(request with { MaxTokens = 4, Seed = (uint)i }, ct)));
                    var results = await Task.WhenAll(Enumerable.Range(0, batch).Select(i => backend.CompleteAsync(request with { Seed = (uint)(100 + i) }, ct)));
                    var rate = SteadyDecodeRate(results);
                    if (rate is { } r)
                        (rates.TryGetValue((threads, batch), out var list) ? list : rates[(threads, batch)] = []).Add(r);
                }
            }
        }

        // Assert
        foreach (var ((threads, batch), list) in rates.OrderBy(p => p.Key.Threads).ThenBy(p => p.Key.Batch))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model} threads {threads} batch {batch}: {Quantiles.OfSorted(list.Order().ToArray(), 0.5):F1} tok/s (median of {list.Count}: {string.Join(", ", list.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))})"));
        }

        rates.Should().HaveCount(ThreadCounts.Length * BatchSizes.Length);
    }

    /// <summary>
    /// Tokens per second of all sequences together while every one is decoding: tokens that arrived after the last request's
    /// first token and up to the first request's end, over that interval; null when the interval holds none.
    /// </summary>
    private static double? SteadyDecodeRate(CompletionResult[] results)
    {
        var fromS = results.Max(r => r.StartS + r.TimeToFirstTokenS!.Value);
        var toS = results.Min(r => r.EndS);
        var tokens = results.Sum(r => r.Stream!.ChunkOffsetsS.Count(o => r.StartS + o > fromS && r.StartS + o <= toS));
        return toS > fromS && tokens > 0 ? tokens / (toS - fromS) : null;
    }
}

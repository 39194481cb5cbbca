using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Synthetic;

namespace SlmEnergyBench.Unit.Embedded;

/// <summary>
/// Real llama.cpp decoding several requests together (batch size &gt; 1: LLamaSharp's BatchedExecutor) on a tiny synthetic
/// model, the way the scheduler drives it: batch-size calls to <see cref="LlamaSharpBackend.CompleteAsync"/> at once.
/// </summary>
public sealed class LlamaSharpBatchedTests : IDisposable
{
    private const string Model = "synthetic-test-tiny";
    private const int MaxTokens = 16;

    private static readonly string[] Prompts =
    [
        "Give three tips for staying healthy.",
        "What are the three primary colors?",
        "Describe the structure of an atom.",
        "Name a fruit that is yellow.",
    ];

    private readonly string _cache = Directory.CreateTempSubdirectory("embedded-batch-test-").FullName;
    private readonly SessionClock _clock = new();

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task CompleteAsync_FourConcurrentAtBatchSize4_EachFinishesWithItsOwnCountsStreamAndOverlappingWindow()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();

        // Act
        var results = await Task.WhenAll(Prompts.Select((p, i) => backend.CompleteAsync(Request(p, (uint)i, batchSize: 4), ct)));

        // Assert: every request has its own complete record...
        results.Should().HaveCount(4).And.AllSatisfy(r =>
        {
            r.ServedModel.Should().Be(Model);
            r.PromptTokens.Should().BePositive();
            r.FinishReason.Should().BeOneOf("stop", "length");
            if (r.FinishReason == "length")
                r.CompletionTokens.Should().Be(MaxTokens);
            else
                r.CompletionTokens.Should().BeLessThan(MaxTokens);
            r.Text.Should().NotBeNullOrWhiteSpace();
            r.Engine.Should().BeNull("llama.cpp's perf counters are one context's, shared by every request in flight");
            r.EngineCpuS.Should().BeNull();
            var stream = r.Stream!;
            stream.ChunkOffsetsS.Should().HaveCount(r.CompletionTokens!.Value).And.BeInAscendingOrder();
            stream.OutputTokens.Should().Be(r.CompletionTokens.Value);
            stream.TimeToFirstTokenS.Should().Be(r.TimeToFirstTokenS!.Value).And.BeGreaterThanOrEqualTo(r.PrefillS!.Value - 1e-6);
            stream.EndToEndS.Should().BeApproximately(r.WallSeconds, 1e-9);
            (r.PrefillS.Value + r.DecodeS!.Value).Should().BeApproximately(r.WallSeconds, 1e-9);
        });

        // ...and the four were decoded at the same time: every window holds a moment common to all four.
        results.Max(r => r.StartS).Should().BeLessThan(results.Min(r => r.EndS));
        results.Where(r => r.CompletionTokens > 1).Should().AllSatisfy(r => r.Stream!.ItlMeanS.Should().BePositive());
    }

    [Fact]
    public async Task CompleteAsync_FourConcurrentAtBatchSize4_SequencesAdvanceInLockstepOneTokenPerStep()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();

        // Act
        var results = await Task.WhenAll(Prompts.Select((p, i) => backend.CompleteAsync(Request(p, (uint)i, batchSize: 4) with { Temperature = 0 }, ct)));

        // Assert: one llama_decode per step gives every sequence in flight its next token, so between two consecutive tokens of
        // one request every other request still generating gets exactly one (one at a time, it would get all or none).
        var arrivals = results.Select(r => r.Stream!.ChunkOffsetsS.Select(o => r.StartS + o).ToArray()).ToArray();
        var gapsChecked = 0;
        for (var a = 0; a < arrivals.Length; a++)
        {
            for (var i = 0; i + 1 < arrivals[a].Length; i++)
            {
                var (from, to) = (arrivals[a][i], arrivals[a][i + 1]);
                foreach (var other in arrivals.Where((b, j) => j != a && b.Length > 0 && b[0] < from && b[^1] > to))
                {
                    other.Count(t => t > from && t <= to).Should().Be(1, "request {0}'s tokens {1} and {2}", a, i, i + 1);
                    gapsChecked++;
                }
            }
        }

        gapsChecked.Should().BeGreaterThan(3 * (MaxTokens - 4), "the four requests generate side by side for most of their tokens");
    }

    [Fact]
    public async Task CompleteAsync_RequestEndsWhileAnotherDecodes_TheNextTakesItsSequenceAndJoinsMidFlight()
    {
        // Arrange: batch size 2, one long request and a short one; the scheduler starts the next as soon as the short one returns.
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var longRequest = backend.CompleteAsync(Request(Prompts[0], 0, batchSize: 2) with { MaxTokens = 200, Temperature = 0 }, ct);
        var first = await backend.CompleteAsync(Request(Prompts[1], 1, batchSize: 2) with { MaxTokens = 4 }, ct);

        // Act
        var next = await backend.CompleteAsync(Request(Prompts[2], 2, batchSize: 2) with { MaxTokens = 4 }, ct);
        var running = await longRequest;

        // Assert: the next request had the sequence the first one freed, started while the long one was generating, and then
        // got one token per step beside it.
        running.CompletionTokens.Should().Be(200);
        next.StartS.Should().BeGreaterThanOrEqualTo(first.EndS);
        next.StartS.Should().BeGreaterThan(running.StartS + running.TimeToFirstTokenS!.Value);
        next.EndS.Should().BeLessThan(running.EndS);
        var longArrivals = running.Stream!.ChunkOffsetsS.Select(o => running.StartS + o).ToArray();
        var nextArrivals = next.Stream!.ChunkOffsetsS.Select(o => next.StartS + o).ToArray();
        nextArrivals.Should().HaveCount(4);
        for (var i = 1; i < nextArrivals.Length; i++)
            longArrivals.Count(t => t > nextArrivals[i - 1] && t <= nextArrivals[i]).Should().Be(1, "one step between its tokens {0} and {1}", i - 1, i);
    }

    [Fact]
    public async Task CompleteAsync_BatchSize4_AnswersEqualOneAtATime()
    {
        // Arrange: greedy sampling, so an answer depends only on its own sequence's logits.
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var requests = Prompts.Select((p, i) => Request(p, (uint)i, batchSize: 1) with { Temperature = 0 }).ToArray();
        var alone = new List<string>();
        foreach (var request in requests)
            alone.Add((await backend.CompleteAsync(request, ct)).Text);

        // Act
        var together = await Task.WhenAll(requests.Select(r => backend.CompleteAsync(r with { BatchSize = 4 }, ct)));

        // Assert: no sequence saw another's tokens or KV cells.
        together.Select(r => r.Text).Should().Equal(alone);
    }

    [Fact]
    public async Task CompleteAsync_ThreadsOneAfterThreadsTwo_RebuildsTheContextAndGenerates()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var two = await Task.WhenAll(Prompts[..2].Select((p, i) => backend.CompleteAsync(Request(p, (uint)i, batchSize: 2) with { Threads = 2 }, ct)));

        // Act
        var one = await Task.WhenAll(Prompts[..2].Select((p, i) => backend.CompleteAsync(Request(p, (uint)i, batchSize: 2) with { Threads = 1 }, ct)));
        var single = await backend.CompleteAsync(Request(Prompts[0], 0, batchSize: 1) with { Threads = 1 }, ct);

        // Assert
        two.Concat(one).Append(single).Should().AllSatisfy(r => r.CompletionTokens.Should().BePositive());
        one.Select(r => r.Text).Should().Equal(two.Select(r => r.Text), "threads change the speed, not the answer (same seeds)");
    }

    [Fact]
    public async Task CompleteAsync_OtherPointWhileRequestsAreInFlight_FailsSayingTheSchedulerMixedPoints()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var running = Enumerable.Range(0, 2).Select(i => backend.CompleteAsync(Request(Prompts[i], (uint)i, batchSize: 2) with { MaxTokens = 200 }, ct)).ToArray();

        // Act
        var act = () => backend.CompleteAsync(Request(Prompts[2], 2, batchSize: 2) with { Threads = 2 }, ct);

        // Assert: refused, and the requests in flight still finish.
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("must not mix points").And.Contain("Embedded:Threads");
        (await Task.WhenAll(running)).Should().AllSatisfy(r => r.CompletionTokens.Should().BePositive());
    }

    [Fact]
    public async Task CompleteAsync_OneOfTwoCancelled_TheOtherFinishesAndItsSequenceServesTheNext()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var kept = backend.CompleteAsync(Request(Prompts[0], 0, batchSize: 2) with { MaxTokens = 200, Temperature = 0 }, ct);
        var cancelled = backend.CompleteAsync(Request(Prompts[1], 1, batchSize: 2) with { MaxTokens = 200 }, cancel.Token);

        // Act
        await cancel.CancelAsync();

        // Assert
        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await kept).CompletionTokens.Should().Be(200);
        (await backend.CompleteAsync(Request(Prompts[2], 2, batchSize: 2), ct)).CompletionTokens.Should().BePositive();
    }

    [Fact]
    public async Task CompleteAsync_MoreThanTheBatchSizeInFlight_FailsTheExtraRequest()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var running = Enumerable.Range(0, 2).Select(i => backend.CompleteAsync(Request(Prompts[i], (uint)i, batchSize: 2) with { MaxTokens = 200 }, ct)).ToArray();

        // Act
        var act = () => backend.CompleteAsync(Request(Prompts[2], 2, batchSize: 2), ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("2 requests are already in flight").And.Contain("Embedded:BatchSize");
        await Task.WhenAll(running);
    }

    [Fact]
    public async Task CompleteAsync_PromptLongerThanASequencesContext_FailsOnlyThatRequest()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend(contextTokens: 64);
        var fits = backend.CompleteAsync(Request(Prompts[0], 0, batchSize: 2) with { MaxTokens = 8 }, ct);

        // Act
        var act = () => backend.CompleteAsync(Request(string.Join(' ', Enumerable.Repeat("water", 200)), 1, batchSize: 2), ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("each sequence's context").And.Contain("Embedded:ContextTokens");
        (await fits).CompletionTokens.Should().BePositive();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task CompleteAsync_BatchSizeOutsideWhatLlamaCppDecodes_FailsWithTheKeyAndTheRange(int batchSize)
    {
        using var backend = Backend();

        var act = () => backend.CompleteAsync(Request(Prompts[0], 0, batchSize), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("Embedded:BatchSize").And.Contain("1..256");
    }

    [Fact]
    public async Task SettingsAsync_RevealsBatchSizeAndThreads()
    {
        using var backend = Backend(batchSize: 4);

        var settings = await backend.SettingsAsync(Model, TestContext.Current.CancellationToken);

        settings.Should().Contain("batch_size", "4").And.Contain("parallel_slots", "4").And.Contain("threads", "1").And.Contain("context_tokens", "256");
    }

    private static CompletionRequest Request(string prompt, uint seed, int batchSize) =>
        new(Model, prompt, MaxTokens, 0.7, Seed: seed) { BatchSize = batchSize };

    private LlamaSharpBackend Backend(int contextTokens = 256, int batchSize = 1, string? cache = null)
    {
        cache ??= _cache;
        var options = new EmbeddedOptions { ContextTokens = contextTokens, Threads = 1, BatchSize = batchSize, ModelFolder = cache, SyntheticCacheDirectory = cache };
        var resolver = new EmbeddedModelResolver(options, cache, SyntheticModelSource.For(cache, [TinySpecs.Tiny()]));
        return new LlamaSharpBackend(options, resolver, _clock);
    }
}

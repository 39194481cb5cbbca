using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Support;
using SlmEnergyBench.Unit.Synthetic;

namespace SlmEnergyBench.Unit.Embedded;

/// <summary>Real llama.cpp (no fake) generating from a tiny synthetic model written by the harness.</summary>
public sealed class LlamaSharpBackendTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("embedded-test-").FullName;
    private readonly SessionClock _clock = new();

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task CompleteAsync_TinySyntheticModel_GeneratesWithConsistentTimings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();

        var r = await backend.CompleteAsync(new CompletionRequest("synthetic-test-tiny", "Give three tips for staying healthy.", 24, 0.7, Seed: 7), ct);

        r.ServedModel.Should().Be("synthetic-test-tiny");
        r.PromptTokens.Should().BePositive();
        r.PromptTokensSource.Should().Be(TokenCountSource.EngineCount);
        r.CompletionTokens.Should().BeInRange(1, 24);
        r.FinishReason.Should().BeOneOf("stop", "length");
        if (r.FinishReason == "length")
            r.CompletionTokens.Should().Be(24);
        r.Text.Should().NotBeNullOrWhiteSpace();
        r.PrefillS.Should().BePositive();
        r.TimeToFirstTokenS.Should().BeGreaterThanOrEqualTo(r.PrefillS!.Value);
        (r.PrefillS.Value + r.DecodeS!.Value).Should().BeApproximately(r.WallSeconds, 1e-9);
        r.Engine!.PromptTokens.Should().Be(r.PromptTokens!.Value, "llama.cpp evaluated exactly the prompt in prefill");
        r.Engine.DecodeTokens.Should().BeInRange(r.CompletionTokens!.Value - 1, r.CompletionTokens.Value);
        r.Engine.PromptMs.Should().BePositive("llama.cpp's perf counters are switched on");
        r.Engine.DecodeMs.Should().BePositive();
        (r.Engine.PromptMs / 1000).Should().BeLessThanOrEqualTo(r.PrefillS.Value, "the engine's prefill happens inside the harness's prefill window");
        (r.Engine.DecodeMs / 1000).Should().BeLessThanOrEqualTo(r.DecodeS.Value);
    }

    [Fact]
    public async Task CompleteAsync_TinySyntheticModel_StreamsOneArrivalPerGeneratedToken()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();

        // Act
        var r = await backend.CompleteAsync(new CompletionRequest("synthetic-test-tiny", "Name a fruit that is yellow.", 16, 0.7, Seed: 3), ct);

        // Assert: one arrival per generated token, in order, inside the request; TTFT the first arrival, after prefill.
        var stream = r.Stream.Should().NotBeNull("the in-process engine streams its tokens").And.Subject.As<StreamTimings>();
        stream.ChunkOffsetsS.Should().HaveCount(r.CompletionTokens!.Value).And.BeInAscendingOrder();
        stream.ChunkTokens.Should().AllSatisfy(t => t.Should().Be(1));
        stream.OutputTokens.Should().Be(r.CompletionTokens.Value);
        stream.TimeToFirstTokenS.Should().Be(r.TimeToFirstTokenS!.Value).And.BeGreaterThanOrEqualTo(r.PrefillS!.Value - 1e-6);
        stream.TimeToFirstTokenS.Should().BeLessThanOrEqualTo(stream.EndToEndS);
        stream.EndToEndS.Should().BeApproximately(r.WallSeconds, 1e-9);
        stream.ChunkOffsetsS[^1].Should().BeLessThanOrEqualTo(stream.EndToEndS + 1e-6);
        if (r.CompletionTokens > 1)
        {
            stream.ItlMaxS.Should().BeGreaterThanOrEqualTo(stream.ItlP95S!.Value).And.BeGreaterThanOrEqualTo(stream.ItlP50S!.Value);
            stream.TimePerOutputTokenS.Should().BeApproximately((stream.EndToEndS - stream.TimeToFirstTokenS) / (r.CompletionTokens.Value - 1), 1e-9);
        }
    }

    [Fact]
    public async Task CompleteAsync_SameSeed_SameText_OtherSeed_OtherText()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();
        var request = new CompletionRequest("synthetic-test-tiny", "What are the three primary colors?", 20, 0.9, Seed: 11);

        var a = await backend.CompleteAsync(request, ct);
        var b = await backend.CompleteAsync(request, ct);
        var c = await backend.CompleteAsync(request with { Seed = 12 }, ct);

        b.Text.Should().Be(a.Text, "every request starts from an empty cache with the same seed");
        c.Text.Should().NotBe(a.Text);
    }

    [Fact]
    public async Task CheckAsync_UnknownModel_SaysWhereItLookedAndWhatToDo()
    {
        using var backend = Backend();

        var check = await backend.CheckAsync(["Mistral 7B Instruct"], TestContext.Current.CancellationToken);

        check.IsAvailable.Should().BeFalse();
        check.Reason.Should().Contain("'Mistral 7B Instruct'").And.Contain(_cache).And.Contain("Embedded:ModelFolder");
    }

    [Fact]
    public async Task CompleteAsync_PromptLongerThanTheContext_FailsWithTheKeyToRaise()
    {
        using var backend = Backend(contextTokens: 64);

        var act = () => backend.CompleteAsync(new CompletionRequest("synthetic-test-tiny", string.Join(' ', Enumerable.Repeat("water", 200)), 8, 0.7), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("Embedded:ContextTokens");
    }

    [Fact]
    public async Task ModelFiles_RecordTheSyntheticFileAndItsHash()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backend = Backend();

        await backend.CompleteAsync(new CompletionRequest("synthetic-test-tiny", "Hi", 4, 0.7), ct);

        var file = backend.ModelFiles.Should().ContainSingle().Subject;
        file.Synthetic.Should().BeTrue();
        file.Origin.Should().Be("synthetic");
        file.Sha256.Should().Be(StandardSha256.OfFile(file.Path));
    }

    private LlamaSharpBackend Backend(int contextTokens = 256)
    {
        var options = new EmbeddedOptions { ContextTokens = contextTokens, Threads = 2, ModelFolder = _cache, SyntheticCacheDirectory = _cache };
        var resolver = new EmbeddedModelResolver(options, _cache, SyntheticModelSource.For(_cache, [TinySpecs.Tiny()]));
        return new LlamaSharpBackend(options, resolver, _clock);
    }
}

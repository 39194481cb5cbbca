using SlmEnergyBench.Harness.Backends;
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

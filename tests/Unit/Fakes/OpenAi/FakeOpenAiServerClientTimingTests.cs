using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Fakes.OpenAi;

/// <summary>
/// The client's streaming figures against the fake's scripted truth, and the servers' extras against the same script.
/// The stream test measures real sockets and timers on the wall clock (virtual time cannot say when a chunk reaches the
/// reader), so the class runs in the timing collection, alone, as the GPT4All fake's wall-clock timing tests do: other
/// test classes on the two cores made single wake-ups late enough to move the median gap past 2 ms.
/// </summary>
[Collection(typeof(TimingCollection))]
public sealed class FakeOpenAiServerClientTimingTests
{
    public static TheoryData<string, string> Servers => new()
    {
        { OpenAiFlavors.LlamaCpp, Endpoints.Chat },
        { OpenAiFlavors.LlamaCpp, Endpoints.Completions },
        { OpenAiFlavors.LmStudio, Endpoints.Chat },
        { OpenAiFlavors.Vllm, Endpoints.Completions },
    };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task CompleteAsync_StreamFromFake_TtftAndGapsFollowTheFakeByTheStreamingRule(string flavor, string endpoint)
    {
        // Arrange: 100 tokens/s (10 ms gaps) and a slow prefill, so timer error is small beside the figures.
        using var fake = FakeServer(flavor, tokensPerSecond: 100);
        using var client = FakeOpenAiSetup.Client(fake, endpoint);
        var request = new CompletionRequest(FakeOpenAiSetup.Small, "Name three units of energy, and say which one a battery maker uses.", 30, 0.7);

        // Act: a warm-up (JIT), then three answers.
        await client.CompleteAsync(request with { MaxTokens = 2 }, TestContext.Current.CancellationToken);
        var results = new List<CompletionResult>();
        for (var i = 0; i < 3; i++)
            results.Add(await client.CompleteAsync(request, TestContext.Current.CancellationToken));

        // Assert: by the Energy suite's streaming rule, against when the fake really sent each token.
        client.Flavor.Should().Be(flavor, "auto tells the server from its answers");
        var scripts = fake.Script.Scripts.Skip(1).ToList();
        scripts.Should().HaveCount(3);
        StreamAgainstScript.ShouldFollowTheFake([.. results.Zip(scripts, (r, s) => (r.Stream!, s))], TestContext.Current.TestOutputHelper);
        var result = results[^1];
        var stream = result.Stream!;
        stream.OutputTokens.Should().Be(30);
        stream.OutputTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.CompletionTokens.Should().Be(30);
        result.FinishReason.Should().Be("length");
    }

    [Fact]
    public async Task CompleteAsync_FakeLlamaServer_TimingsAreTheScriptInMs()
    {
        // Arrange
        using var fake = FakeServer(OpenAiFlavors.LlamaCpp, tokensPerSecond: 400);
        using var client = FakeOpenAiSetup.Client(fake, Endpoints.Completions);

        // Act
        var result = await client.CompleteAsync(new CompletionRequest(FakeOpenAiSetup.Small, "Twelve chars", 20, 0.7), TestContext.Current.CancellationToken);

        // Assert: 3 prompt tokens ((12 + 3) / 4) at 100 tokens/s = 30 ms prefill; 19 gaps of 1/400 s = 47.5 ms decode.
        result.Engine.Should().Be(new EngineTimings(OpenAiServerTimings.LlamaCppSource, 3, 30, 20, 47.5) { CachedPromptTokens = 0 });
    }

    [Fact]
    public async Task CompleteAsync_FakeLmStudio_StatsInSecondsBecomeMs()
    {
        // Arrange
        using var fake = FakeServer(OpenAiFlavors.LmStudio, tokensPerSecond: 400);
        using var client = FakeOpenAiSetup.Client(fake, Endpoints.Chat);

        // Act
        var result = await client.CompleteAsync(new CompletionRequest(FakeOpenAiSetup.Small, "Twelve chars", 20, 0.7), TestContext.Current.CancellationToken);

        // Assert: time_to_first_token 0.03 s = 30 ms; generation_time 19 / 400 s = 0.0475 s = 47.5 ms.
        var engine = result.Engine!;
        engine.Source.Should().Be(OpenAiServerTimings.LmStudioSource);
        engine.TimeToFirstTokenMs.Should().BeApproximately(30, 1e-9);
        engine.PromptMs.Should().BeApproximately(30, 1e-9);
        engine.DecodeMs.Should().BeApproximately(47.5, 1e-9);
        engine.PromptTokens.Should().Be(3);
        engine.DecodeTokens.Should().Be(20);
    }

    private static Harness.Fakes.OpenAi.FakeOpenAiServer FakeServer(string flavor, double tokensPerSecond)
    {
        var options = FakeServerSetup.Options(tokensPerSecond);
        options.PrefillTokensPerSecond = 100;
        return Harness.Fakes.OpenAi.FakeOpenAiServer.Start(options, flavor);
    }
}

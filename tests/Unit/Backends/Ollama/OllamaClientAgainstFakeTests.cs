using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Fakes.Ollama;
using SlmEnergyBench.Unit.Fakes;
using SlmEnergyBench.Unit.Fakes.Ollama;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends.Ollama;

/// <summary>The real client against the fake Ollama. Timing runs alone (<see cref="TimingCollection"/>) so other tests do not steal the cores.</summary>
[Collection(typeof(TimingCollection))]
public sealed class OllamaClientAgainstFakeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CompleteAsync_StreamedFromFake_TtftAndGapsFollowTheScript()
    {
        // Arrange: 0.1 s of load (paid by the warm-up), 0.05 s of prefill (100 tokens at 2000/s), then 40 tokens at 50 tokens/s (20 ms apart).
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options(tokensPerSecond: 50, loadSeconds: 0.1, prefillTokensPerSecond: 2000));
        using var client = FakeOllamaSetup.Client(fake);
        var request = new CompletionRequest(FakeOllamaSetup.Small, new string('x', 400), 40, 0.7);

        // Act: a warm-up first, as the session does (it pays the load, and the first request's connection and JIT work).
        var warmUp = await client.CompleteAsync(request, TestContext.Current.CancellationToken);
        var results = new List<CompletionResult>();
        for (var i = 0; i < 5; i++)
            results.Add(await client.CompleteAsync(request, TestContext.Current.CancellationToken));

        // Assert: each answer's chunks against when the fake really sent its tokens, by the Energy suite's streaming rule.
        warmUp.ServerLoadS.Should().Be(0.1);
        var scripts = fake.Script.Scripts.Skip(1).ToList();
        scripts.Should().HaveCount(5);
        for (var i = 0; i < 5; i++)
        {
            output.WriteLine($"case {i}: TTFT {results[i].Stream!.TimeToFirstTokenS * 1000:0.000} ms (scripted {scripts[i].TimeToFirstTokenS * 1000:0.000}, " +
                $"sent {scripts[i].FirstTokenSentS * 1000:0.000}); ITL mean {results[i].Stream!.ItlMeanS * 1000:0.000}, p50 {results[i].Stream!.ItlP50S * 1000:0.000}, " +
                $"p95 {results[i].Stream!.ItlP95S * 1000:0.000}, max {results[i].Stream!.ItlMaxS * 1000:0.000} ms (scripted {scripts[i].GapS * 1000:0.000})");
        }

        StreamAgainstScript.ShouldFollowTheFake([.. results.Zip(scripts, (r, s) => (r.Stream!, s))], output);
        scripts.Select(s => s.LoadS).Should().Equal(0, 0, 0, 0, 0);
    }

    [Fact]
    public async Task CompleteAsync_FirstUse_ServerLoadSIsTheFakesLoad()
    {
        // Arrange: 0.2 s to load, above the 0.05 s rule.
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options(loadSeconds: 0.2));
        using var client = FakeOllamaSetup.Client(fake);
        var request = new CompletionRequest(FakeOllamaSetup.Small, "Name three units of energy.", 30, 0.7);

        // Act
        var first = await client.CompleteAsync(request, TestContext.Current.CancellationToken);
        var second = await client.CompleteAsync(request, TestContext.Current.CancellationToken);
        fake.Unload(FakeOllamaSetup.Small);
        var afterUnload = await client.CompleteAsync(request, TestContext.Current.CancellationToken);

        // Assert
        first.ServerLoadS.Should().Be(0.2);
        second.ServerLoadS.Should().Be(0);
        afterUnload.ServerLoadS.Should().Be(0.2);
    }

    [Fact]
    public async Task CompleteAsync_ErrorMidStream_FailsThatCaseOnly()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var client = FakeOllamaSetup.Client(fake);
        var request = new CompletionRequest(FakeOllamaSetup.Small, "Name three units of energy.", 30, 0.7);
        fake.FailNextGeneration(3, "an error was encountered while running the model");

        // Act
        var failing = () => client.CompleteAsync(request, TestContext.Current.CancellationToken);
        var failure = await failing.Should().ThrowAsync<BackendException>();
        var next = await client.CompleteAsync(request, TestContext.Current.CancellationToken);

        // Assert
        failure.Which.Message.Should().Contain("after 3 token(s): \"an error was encountered while running the model\"");
        next.CompletionTokens.Should().Be(30);
        next.FinishReason.Should().Be("length", "num_predict 30 stopped it");
    }

    [Fact]
    public async Task CompleteAsync_ChatWithoutStreaming_GivesTheFakesWholeText()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var client = FakeOllamaSetup.Client(fake, Endpoints.Chat, stream: false);
        var request = new CompletionRequest(FakeOllamaSetup.Large, "Name three units of energy.", 1024, 0.7);

        // Act
        var result = await client.CompleteAsync(request, TestContext.Current.CancellationToken);

        // Assert
        var script = fake.Script.Scripts.Should().ContainSingle().Subject;
        result.Text.Should().Be(FakeTextGenerator.Generate(FakeOllamaSetup.Large, "Name three units of energy.", script.CompletionTokens));
        result.CompletionTokens.Should().Be(script.CompletionTokens);
        result.PromptTokens.Should().Be(script.PromptTokens);
        result.FinishReason.Should().Be("stop");
    }

    [Fact]
    public async Task CheckAndSettings_AgainstFake_ListModelsAndSettings()
    {
        // Arrange
        using var fake = FakeOllamaServer.Start(FakeOllamaSetup.Options());
        using var client = FakeOllamaSetup.Client(fake);
        await client.CompleteAsync(new CompletionRequest(FakeOllamaSetup.Small, "Hi", 5, 0.7), TestContext.Current.CancellationToken);

        // Act
        var yes = await client.CheckAsync([FakeOllamaSetup.Small, FakeOllamaSetup.Large], TestContext.Current.CancellationToken);
        var no = await client.CheckAsync(["llama3.2"], TestContext.Current.CancellationToken);
        var settings = await client.SettingsAsync(FakeOllamaSetup.Small, TestContext.Current.CancellationToken);

        // Assert
        yes.IsAvailable.Should().BeTrue(yes.Reason);
        no.IsAvailable.Should().BeFalse("llama3.2 means llama3.2:latest, which the fake does not have");
        no.Reason.Should().Contain("`ollama pull llama3.2`");
        settings.Should().Contain(new Dictionary<string, string>
        {
            ["version"] = "0.12.6",
            ["context_tokens"] = "4096",
            ["temperature_default"] = "0.8",
            ["gpu_offload"] = "100% GPU",
            ["quantization"] = "Q4_K_M",
        });
    }
}

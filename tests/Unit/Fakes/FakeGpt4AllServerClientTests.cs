using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Fakes;

/// <summary>The real client against the fake server, end to end.</summary>
public sealed class FakeGpt4AllServerClientTests
{
    [Theory]
    [InlineData(Endpoints.Completions)]
    [InlineData(Endpoints.Chat)]
    public async Task CompleteAsync_KnownModel_ReturnsTimedResultWithServerUsage(string endpoint)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = Client(fake, endpoint);

        // Act
        var result = await client.CompleteAsync(new CompletionRequest(FakeServerSetup.Large, "Explain joules.", 1024, 0.7), TestContext.Current.CancellationToken);

        // Assert
        result.ServedModel.Should().Be(FakeServerSetup.Large);
        result.FinishReason.Should().Be("stop");
        result.CompletionTokens.Should().BeInRange(20, 200);
        result.CompletionTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.PromptTokens.Should().Be(4);
        result.WordCount.Should().BeGreaterThan(0).And.BeLessThan(result.CompletionTokens!.Value, "words are not tokens");
        result.CharacterCount.Should().BeGreaterThan(result.WordCount * 2, "characters are not words");
        result.EndS.Should().BeGreaterThan(result.StartS);
    }

    [Fact]
    public async Task CompleteAsync_SmallMaxTokens_ReportsLength()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = Client(fake);

        // Act
        var result = await client.CompleteAsync(new CompletionRequest(FakeServerSetup.Small, "Explain joules.", 5, 0.7), TestContext.Current.CancellationToken);

        // Assert
        result.CompletionTokens.Should().Be(5);
        result.FinishReason.Should().Be("length");
    }

    [Fact]
    public async Task CompleteAsync_UnknownModel_ThrowsServedModelMismatch()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = Client(fake);

        // Act
        var act = () => client.CompleteAsync(new CompletionRequest("Llama 3.2 3B Instruct", "Hi", 64, 0.7), TestContext.Current.CancellationToken);

        // Assert
        var error = (await act.Should().ThrowAsync<ServedModelMismatchException>()).Which;
        error.Requested.Should().Be("Llama 3.2 3B Instruct");
        error.Served.Should().Be(FakeServerSetup.Small);
    }

    [Fact]
    public async Task CompleteAsync_PromptBeyondContext_ExplainsEmpty500()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options(contextTokens: 8));
        using var client = Client(fake);

        // Act
        var act = () => client.CompleteAsync(new CompletionRequest(FakeServerSetup.Small, new string('w', 200), 64, 0.7), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("500").And.Contain("context window");
    }

    [Fact]
    public async Task CheckAsync_ConfiguredAndUnknownModels_AnswersYesThenNo()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = Client(fake);

        // Act
        var known = await client.CheckAsync([FakeServerSetup.Small, FakeServerSetup.Large], TestContext.Current.CancellationToken);
        var unknown = await client.CheckAsync(["Llama 3.2 3B Instruct"], TestContext.Current.CancellationToken);

        // Assert
        known.IsAvailable.Should().BeTrue(known.Reason);
        unknown.IsAvailable.Should().BeFalse();
        unknown.Reason.Should().Contain("'Llama 3.2 3B Instruct'").And.Contain($"'{FakeServerSetup.Small}', '{FakeServerSetup.Large}'");
    }

    private static Gpt4AllClient Client(FakeGpt4AllServer fake, string endpoint = Endpoints.Completions) =>
        new(new BackendOptions { BaseUrl = fake.BaseUrl, Endpoint = endpoint, TimeoutSeconds = 30 }, new SessionClock());
}

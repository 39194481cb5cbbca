using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Fakes;

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
        using var client = FakeServerSetup.Client(fake, endpoint: endpoint);

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
        using var client = FakeServerSetup.Client(fake);

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
        using var client = FakeServerSetup.Client(fake);

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
        using var client = FakeServerSetup.Client(fake);

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
        using var client = FakeServerSetup.Client(fake);

        // Act
        var known = await client.CheckAsync([FakeServerSetup.Small, FakeServerSetup.Large], TestContext.Current.CancellationToken);
        var unknown = await client.CheckAsync(["Llama 3.2 3B Instruct"], TestContext.Current.CancellationToken);

        // Assert
        known.IsAvailable.Should().BeTrue(known.Reason);
        unknown.IsAvailable.Should().BeFalse();
        unknown.Reason.Should().Contain("'Llama 3.2 3B Instruct'").And.Contain($"'{FakeServerSetup.Small}', '{FakeServerSetup.Large}'");
    }

    [Fact]
    public async Task CheckAndComplete_ModelByFileName_AreAcceptedAndAnsweredWithTheDisplayName()
    {
        // Arrange
        const string file = "Meta-Llama-3-8B-Instruct.Q4_0.gguf";
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = FakeServerSetup.Client(fake);

        // Act
        var check = await client.CheckAsync([file], TestContext.Current.CancellationToken);
        var result = await client.CompleteAsync(new CompletionRequest(file, "Explain joules.", 64, 0.7), TestContext.Current.CancellationToken);

        // Assert
        check.IsAvailable.Should().BeTrue(check.Reason);
        check.Reason.Should().EndWith($"('{file}' is the file of '{FakeServerSetup.Large}')");
        (result.RequestedModel, result.ServedModel, result.ExpectedServedModel).Should().Be((file, FakeServerSetup.Large, FakeServerSetup.Large));
    }

    [Fact]
    public async Task CheckAsync_DisplayNameInOtherLetterCase_IsRefusedNamingTheListedOne()
    {
        // Arrange: GPT4All would answer "llama 3 8b instruct" with its default model, the 1B.
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var client = FakeServerSetup.Client(fake);

        // Act
        var check = await client.CheckAsync(["llama 3 8b instruct"], TestContext.Current.CancellationToken);
        var complete = () => client.CompleteAsync(new CompletionRequest("llama 3 8b instruct", "Hi", 16, 0.7), TestContext.Current.CancellationToken);

        // Assert
        check.IsAvailable.Should().BeFalse();
        check.Reason.Should().Contain("letter case").And.Contain($"Did you mean '{FakeServerSetup.Large}'?");
        (await complete.Should().ThrowAsync<ServedModelMismatchException>()).Which.Served.Should().Be(FakeServerSetup.Small);
    }
}

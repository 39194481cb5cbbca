using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Unit.Support;
using SlmEnergyBench.Unit.Text;

namespace SlmEnergyBench.Unit.Backends;

public sealed class Gpt4AllClientRequestTests
{
    [Fact]
    public async Task CompleteAsync_CompletionsEndpoint_SendsOnlyGpt4AllFields()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion());
        using var client = Gpt4AllStub.Client(server);

        // Act
        await client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        var sent = server.LogEntries.Should().ContainSingle().Subject.RequestMessage;
        sent.Method.Should().Be("POST");
        sent.Path.Should().Be("/v1/completions");
        using var body = JsonDocument.Parse(sent.Body!);
        JsonKeys.Of(body.RootElement).Should().BeEquivalentTo("model", "prompt", "max_tokens", "temperature");
        body.RootElement.GetProperty("model").GetString().Should().Be(Gpt4AllStub.Model);
        body.RootElement.GetProperty("prompt").GetString().Should().Be("Name three units of energy.");
        body.RootElement.GetProperty("max_tokens").GetRawText().Should().Be("1024", "GPT4All wants an integer");
        body.RootElement.GetProperty("temperature").GetDouble().Should().Be(0.7);
    }

    [Fact]
    public async Task CompleteAsync_TopPSet_SendsTopP()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion());
        using var client = Gpt4AllStub.Client(server);

        // Act
        await client.CompleteAsync(Gpt4AllStub.Request(topP: 0.9), TestContext.Current.CancellationToken);

        // Assert
        using var body = JsonDocument.Parse(server.LogEntries.Single().RequestMessage.Body!);
        JsonKeys.Of(body.RootElement).Should().BeEquivalentTo("model", "prompt", "max_tokens", "temperature", "top_p");
        body.RootElement.GetProperty("top_p").GetDouble().Should().Be(0.9);
    }

    [Fact]
    public async Task CompleteAsync_ChatEndpoint_SendsOneUserMessage()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/chat/completions", 200,
            """{"choices":[{"finish_reason":"length","index":0,"message":{"content":"Joules and calories.","role":"assistant"}}],"model":"Llama 3.2 1B Instruct","object":"chat.completion"}""");
        using var client = Gpt4AllStub.Client(server, Endpoints.Chat);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        using var body = JsonDocument.Parse(server.LogEntries.Single().RequestMessage.Body!);
        JsonKeys.Of(body.RootElement).Should().BeEquivalentTo("model", "messages", "max_tokens", "temperature");
        var message = body.RootElement.GetProperty("messages").EnumerateArray().Should().ContainSingle().Subject;
        JsonKeys.Of(message).Should().BeEquivalentTo("role", "content");
        message.GetProperty("role").GetString().Should().Be("user");
        message.GetProperty("content").GetString().Should().Be("Name three units of energy.");
        result.Text.Should().Be("Joules and calories.");
        result.FinishReason.Should().Be("length");
        result.CompletionTokensSource.Should().Be(TokenCountSource.Unavailable);
    }

    [Fact]
    public async Task CompleteAsync_CompletionResponse_ParsesTextUsageCountsAndTiming()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(), TimeSpan.FromMilliseconds(200));
        using var client = Gpt4AllStub.Client(server);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        result.RequestedModel.Should().Be(Gpt4AllStub.Model);
        result.ServedModel.Should().Be(Gpt4AllStub.Model);
        result.Text.Should().Be(" Joules, calories and kilowatt-hours.");
        result.FinishReason.Should().Be("stop");
        result.PromptTokens.Should().Be(8);
        result.CompletionTokens.Should().Be(9);
        result.PromptTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.CompletionTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.WordCount.Should().Be(5); // Joules | calories | and | kilowatt | hours (UAX #29 breaks at the hyphen)
        result.WordRule.Should().Be("uax29-icu-dictionary");
        result.CharacterCount.Should().Be(37);
        result.StartS.Should().BeGreaterThanOrEqualTo(0);
        result.WallSeconds.Should().BeGreaterThanOrEqualTo(0.19);
    }

    [Fact]
    public async Task CompleteAsync_NoUsage_MarksTokenCountsUnavailable()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(usage: false));
        using var client = Gpt4AllStub.Client(server);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        result.PromptTokens.Should().BeNull();
        result.CompletionTokens.Should().BeNull();
        result.PromptTokensSource.Should().Be(TokenCountSource.Unavailable);
        result.CompletionTokensSource.Should().Be(TokenCountSource.Unavailable);
    }

    [Fact]
    public async Task CompleteAsync_ServedModelDiffers_ThrowsMismatchNamingBoth()
    {
        // Act
        var error = await MismatchAsync(requested: "Llama 3.2 3B Instruct", served: "Llama 3 8B Instruct");

        // Assert
        error.Requested.Should().Be("Llama 3.2 3B Instruct");
        error.Served.Should().Be("Llama 3 8B Instruct");
        error.Message.Should().Contain("'Llama 3.2 3B Instruct'").And.Contain("'Llama 3 8B Instruct'")
            .And.Contain("silently answers any other name with its default model").And.Contain("GET /v1/models");
    }

    [Fact]
    public async Task CompleteAsync_ServedModelDiffersOnlyInCaseAndSpaces_ThrowsMismatch()
    {
        // Act: GPT4All answers with the display name it matched exactly, so another spelling is another model.
        var error = await MismatchAsync(requested: Gpt4AllStub.Model, served: "llama 3.2 1b instruct ");

        // Assert
        error.Message.Should().Contain("letter case");
    }

    [Fact]
    public async Task CompleteAsync_ModelByFileName_ExpectsAndAcceptsItsDisplayName()
    {
        // Arrange: GPT4All runs Meta-Llama-3-8B-Instruct.Q4_0.gguf and answers with its display name.
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(model: "Llama 3 8B Instruct"));
        using var client = Gpt4AllStub.Client(server);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request("Meta-Llama-3-8B-Instruct.Q4_0.gguf"), TestContext.Current.CancellationToken);

        // Assert
        (result.RequestedModel, result.ServedModel, result.ExpectedServedModel).Should().Be(("Meta-Llama-3-8B-Instruct.Q4_0.gguf", "Llama 3 8B Instruct", "Llama 3 8B Instruct"));
    }

    [Fact]
    public async Task CompleteAsync_ModelByFileNameAnsweredByAnotherModel_ThrowsMismatchNamingTheExpectedDisplayName()
    {
        // Act: the file is not installed, so GPT4All fell back to its default model.
        var error = await MismatchAsync(requested: "Meta-Llama-3-8B-Instruct.Q4_0.gguf", served: "Llama 3.2 1B Instruct");

        // Assert
        error.Message.Should().StartWith("Requested model 'Meta-Llama-3-8B-Instruct.Q4_0.gguf', which GPT4All answers as 'Llama 3 8B Instruct' " +
            "(the display name of that file), but GPT4All served 'Llama 3.2 1B Instruct'.");
    }

    [Fact]
    public async Task CompleteAsync_ChineseAnswer_CountsDictionaryWords()
    {
        // Arrange: field input 3, a 57-character Chinese answer of 38 tokens.
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(text: FieldAnswers.Chinese));
        using var client = Gpt4AllStub.Client(server);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (result.WordCount, result.WordRule, result.CharacterCount).Should().Be((FieldAnswers.ChineseDictionaryWords, "uax29-icu-dictionary", 57));
    }

    [Theory]
    [InlineData("", "not-a-url", 600.0)]
    [InlineData("Backend:Endpoint", "http://127.0.0.1:4891/v1", 600.0)]
    [InlineData("Backend:TimeoutSeconds", "http://127.0.0.1:4891/v1", 0.0)]
    public void Constructor_InvalidOptions_ThrowsConfigurationExceptionNamingKey(string key, string baseUrl, double timeout)
    {
        // Arrange
        var options = new BackendOptions
        {
            BaseUrl = baseUrl,
            Endpoint = key == "Backend:Endpoint" ? "generate" : Endpoints.Completions,
            TimeoutSeconds = timeout,
        };

        // Act
        var act = () => new Gpt4AllClient(options, new Harness.Timing.SessionClock());

        // Assert
        act.Should().Throw<ConfigurationException>().WithMessage($"*{(key.Length == 0 ? "Backend:BaseUrl" : key)}*");
    }

    private static async Task<ServedModelMismatchException> MismatchAsync(string requested, string served)
    {
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(model: served));
        using var client = Gpt4AllStub.Client(server);
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(requested), TestContext.Current.CancellationToken);
        return (await act.Should().ThrowAsync<ServedModelMismatchException>()).Which;
    }
}

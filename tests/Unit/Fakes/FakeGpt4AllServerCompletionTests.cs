using System.Text.Json;
using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Fakes;

public sealed class FakeGpt4AllServerCompletionTests
{
    [Fact]
    public async Task Completions_ValidRequest_AnswersInGpt4AllShapeWithSortedKeys()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Act
        var (status, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody());

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        JsonKeys.AreSortedEverywhere(root).Should().BeTrue(body);
        JsonKeys.Of(root).Should().Equal("choices", "created", "id", "model", "object", "usage");
        root.GetProperty("id").GetString().Should().Be("placeholder");
        root.GetProperty("object").GetString().Should().Be("text_completion");
        root.GetProperty("model").GetString().Should().Be(FakeServerSetup.Small);
        root.GetProperty("created").GetInt64().Should().BeInRange(before, before + 60);
        var choice = root.GetProperty("choices").EnumerateArray().Should().ContainSingle().Subject;
        JsonKeys.Of(choice).Should().Equal("finish_reason", "index", "logprobs", "references", "text");
        choice.GetProperty("text").GetString().Should().StartWith(" ").And.NotBeNullOrWhiteSpace();
        var usage = root.GetProperty("usage");
        JsonKeys.Of(usage).Should().Equal("completion_tokens", "prompt_tokens", "total_tokens");
        usage.GetProperty("total_tokens").GetInt32().Should().Be(usage.GetProperty("completion_tokens").GetInt32() + usage.GetProperty("prompt_tokens").GetInt32());
        usage.GetProperty("prompt_tokens").GetInt32().Should().Be(("Name three units of energy.".Length + 3) / 4);
    }

    [Fact]
    public async Task ChatCompletions_ValidRequest_AnswersWithAssistantMessage()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["model"] = FakeServerSetup.Large,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hello" }),
            ["max_tokens"] = 500,
        };

        // Act
        var (status, response) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/chat/completions", body);

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(response);
        JsonKeys.AreSortedEverywhere(document.RootElement).Should().BeTrue(response);
        document.RootElement.GetProperty("object").GetString().Should().Be("chat.completion");
        var message = document.RootElement.GetProperty("choices")[0].GetProperty("message");
        JsonKeys.Of(message).Should().Equal("content", "role");
        message.GetProperty("role").GetString().Should().Be("assistant");
        message.GetProperty("content").GetString().Should().NotBeNullOrWhiteSpace();
        document.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("stop");
    }

    [Fact]
    public async Task Completions_NoMaxTokens_StopsAtGpt4AllDefaultOf16WithLength()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (_, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(maxTokens: null));

        // Assert
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32().Should().Be(16);
        document.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("length");
    }

    [Fact]
    public async Task Completions_ManyPrompts_LengthVariesWithinRangeAndStopsNaturally()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var lengths = new List<int>();

        // Act
        for (var i = 0; i < 12; i++)
        {
            var (_, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(prompt: $"Prompt number {i}"));
            using var document = JsonDocument.Parse(body);
            lengths.Add(document.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
            document.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString().Should().Be("stop");
        }

        // Assert
        lengths.Should().OnlyContain(n => n >= 20 && n <= 200);
        lengths.Distinct().Should().HaveCountGreaterThan(6);
    }

    [Fact]
    public async Task Completions_UnknownModel_SilentlyServedByDefaultModel()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: "Llama 3.2 3B Instruct"));

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("model").GetString().Should().Be(FakeServerSetup.Small);
    }

    // GPT4All's rule (server.cpp): display name or file name, compared exactly; anything else gets the default model.
    [Theory]
    [InlineData(FakeServerSetup.Large, FakeServerSetup.Large)]
    [InlineData("Meta-Llama-3-8B-Instruct.Q4_0.gguf", FakeServerSetup.Large)]
    [InlineData("Llama-3.2-1B-Instruct-Q4_0.gguf", FakeServerSetup.Small)]
    [InlineData("llama 3 8b instruct", FakeServerSetup.Small)]
    [InlineData("meta-llama-3-8b-instruct.q4_0.gguf", FakeServerSetup.Small)]
    [InlineData(" Llama 3 8B Instruct", FakeServerSetup.Small)]
    public async Task Completions_ModelByDisplayOrFileName_AnswersWithTheDisplayNameOfTheExactMatch(string requested, string served)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: requested));

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("model").GetString().Should().Be(served);
    }

    [Fact]
    public async Task Completions_ConfiguredFileName_IsAcceptedForItsModel()
    {
        // Arrange: a sideloaded 8B under a file name of the user's own.
        var options = FakeServerSetup.Options();
        options.Models[1].FileName = "my-llama-8b.Q4_K_M.gguf";
        using var fake = FakeGpt4AllServer.Start(options);
        using var http = new HttpClient();

        // Act
        var (_, byOwnFile) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: "my-llama-8b.Q4_K_M.gguf"));
        var (_, byCatalogFile) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(model: "Meta-Llama-3-8B-Instruct.Q4_0.gguf"));

        // Assert: the configured file replaces the catalogue's.
        JsonDocument.Parse(byOwnFile).RootElement.GetProperty("model").GetString().Should().Be(FakeServerSetup.Large);
        JsonDocument.Parse(byCatalogFile).RootElement.GetProperty("model").GetString().Should().Be(FakeServerSetup.Small);
    }

    [Fact]
    public async Task Completions_PromptLongerThanContext_Returns500WithEmptyBody()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options(contextTokens: 10));
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", FakeServerSetup.CompletionBody(prompt: new string('x', 41)));

        // Assert
        status.Should().Be(500);
        body.Should().BeEmpty();
    }

    [Fact]
    public async Task Completions_SameModelAndPrompt_GiveSameText()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var url = fake.BaseUrl + "/completions";

        // Act
        var (_, first) = await FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody());
        var (_, again) = await FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody());
        var (_, otherPrompt) = await FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(prompt: "Another prompt."));
        var (_, otherModel) = await FakeServerSetup.PostAsync(http, url, FakeServerSetup.CompletionBody(model: FakeServerSetup.Large));

        // Assert
        Text(again).Should().Be(Text(first));
        Text(otherPrompt).Should().NotBe(Text(first));
        Text(otherModel).Should().NotBe(Text(first));
    }

    private static string Text(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("choices")[0].GetProperty("text").GetString()!;
    }
}

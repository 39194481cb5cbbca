using System.Text.Json.Nodes;
using SlmEnergyBench.Harness.Fakes;

namespace SlmEnergyBench.Unit.Fakes;

public sealed class FakeGpt4AllServerValidationTests
{
    [Theory]
    [InlineData("stop_sequence")]
    [InlineData("suffix")]
    [InlineData("messages")]
    public async Task Completions_UnknownKey_Returns400Unrecognized(string key)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var body = FakeServerSetup.CompletionBody();
        body[key] = "x";

        // Act
        var (status, response) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", body);

        // Assert
        status.Should().Be(400);
        response.Should().Be($$$"""{"error":{"code":null,"message":"Unrecognized request argument supplied: {{{key}}}","param":null,"type":"invalid_request_error"}}""");
    }

    [Theory]
    [InlineData("stream")]
    [InlineData("stream_options")]
    [InlineData("stop")]
    [InlineData("seed")]
    [InlineData("tools")]
    [InlineData("response_format")]
    [InlineData("logprobs")]
    public async Task Completions_UnsupportedKey_Returns400NotSupported(string key)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var body = FakeServerSetup.CompletionBody();
        body[key] = true;

        // Act
        var (status, response) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", body);

        // Assert
        status.Should().Be(400);
        FakeServerSetup.ErrorMessage(response).Should().Be($"'{key}' is not supported");
    }

    [Theory]
    [InlineData(0.0, 200)]
    [InlineData(0.5, 400)]
    public async Task Completions_Penalty_OnlyZeroIsAccepted(double penalty, int expectedStatus)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var body = FakeServerSetup.CompletionBody();
        body["presence_penalty"] = penalty;

        // Act
        var (status, _) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/completions", body);

        // Assert
        status.Should().Be(expectedStatus);
    }

    [Fact]
    public async Task ChatCompletions_PromptKey_Returns400Unrecognized()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, response) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/chat/completions", FakeServerSetup.CompletionBody());

        // Assert
        status.Should().Be(400);
        FakeServerSetup.ErrorMessage(response).Should().Be("Unrecognized request argument supplied: prompt");
    }

    [Theory]
    [InlineData("""{"model":"Llama 3.2 1B Instruct","prompt":"x","max_tokens":10.5}""", "max_tokens")]
    [InlineData("""{"model":"Llama 3.2 1B Instruct","prompt":"x","max_tokens":0}""", "max_tokens")]
    [InlineData("""{"model":"Llama 3.2 1B Instruct","prompt":"x","temperature":3}""", "temperature")]
    [InlineData("""{"prompt":"x"}""", "model")]
    [InlineData("""{"model":"Llama 3.2 1B Instruct","prompt":["x"]}""", "prompt")]
    [InlineData("""{"model":"Llama 3.2 1B Instruct","prompt":""", "parse")]
    public async Task Completions_InvalidValue_Returns400NamingIt(string body, string named)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        // Act
        using var response = await http.PostAsync(fake.BaseUrl + "/completions", content, TestContext.Current.CancellationToken);

        // Assert
        ((int)response.StatusCode).Should().Be(400);
        FakeServerSetup.ErrorMessage(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain(named);
    }

    [Fact]
    public async Task ChatCompletions_MessageWithNonStringContent_Returns400()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["model"] = FakeServerSetup.Small,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = new JsonArray("x") }),
        };

        // Act
        var (status, response) = await FakeServerSetup.PostAsync(http, fake.BaseUrl + "/chat/completions", body);

        // Assert
        status.Should().Be(400);
        FakeServerSetup.ErrorMessage(response).Should().Contain("messages");
    }
}

using System.Text.Json;
using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Fakes;

public sealed class FakeGpt4AllServerRouteTests
{
    [Fact]
    public void Start_Always_ListensOn127001UnderV1()
    {
        // Act
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());

        // Assert
        fake.BaseUrl.Should().StartWith("http://127.0.0.1:").And.EndWith("/v1");
    }

    [Fact]
    public async Task Models_Get_ListsConfiguredModelsWithSortedKeys()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.SendAsync(http, HttpMethod.Get, fake.BaseUrl + "/models");

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        JsonKeys.AreSortedEverywhere(document.RootElement).Should().BeTrue(body);
        document.RootElement.GetProperty("object").GetString().Should().Be("list");
        document.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString())
            .Should().Equal(FakeServerSetup.Small, FakeServerSetup.Large);
    }

    [Fact]
    public async Task ModelByName_Known_ReturnsTheModel()
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.SendAsync(http, HttpMethod.Get, fake.BaseUrl + "/models/" + Uri.EscapeDataString(FakeServerSetup.Large));

        // Assert
        status.Should().Be(200);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("id").GetString().Should().Be(FakeServerSetup.Large);
    }

    // GPT4All's GET /v1/models/<name> compares display names only: a file name is as unknown there as any other.
    [Theory]
    [InlineData("Mistral%207B")]
    [InlineData("Meta-Llama-3-8B-Instruct.Q4_0.gguf")]
    public async Task ModelByName_UnknownOrFileName_Returns200WithEmptyObject(string name)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.SendAsync(http, HttpMethod.Get, fake.BaseUrl + "/models/" + name);

        // Assert
        status.Should().Be(200);
        body.Should().Be("{}");
    }

    [Theory]
    [InlineData("GET", "/completions")]
    [InlineData("GET", "/chat/completions")]
    [InlineData("POST", "/models")]
    [InlineData("DELETE", "/models/Llama%203%208B%20Instruct")]
    public async Task Endpoint_WrongMethod_Returns405WithOpenAiError(string method, string path)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();

        // Act
        var (status, body) = await FakeServerSetup.SendAsync(http, new HttpMethod(method), fake.BaseUrl + path);

        // Assert
        status.Should().Be(405);
        FakeServerSetup.ErrorMessage(body).Should().Contain("Method not allowed");
    }

    [Theory]
    [InlineData("GET", "/v1/embeddings")]
    [InlineData("POST", "/v1/responses")]
    [InlineData("GET", "/")]
    [InlineData("POST", "/completions")]
    public async Task UnknownPath_AnyMethod_Returns404WithEmptyBody(string method, string path)
    {
        // Arrange
        using var fake = FakeGpt4AllServer.Start(FakeServerSetup.Options());
        using var http = new HttpClient();
        var root = fake.BaseUrl[..^"/v1".Length];

        // Act
        var (status, body) = await FakeServerSetup.SendAsync(http, new HttpMethod(method), root + path);

        // Assert
        status.Should().Be(404);
        body.Should().BeEmpty();
    }
}

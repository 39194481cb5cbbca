using System.Diagnostics;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends;

public sealed class Gpt4AllClientProbeTests
{
    private const string TwoModels =
        """{"data":[{"id":"Llama 3.2 1B Instruct","object":"model"},{"id":"Llama 3 8B Instruct","object":"model"}],"object":"list"}""";

    [Fact]
    public async Task CheckAsync_AllModelsServed_IsAvailableListingThem()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels);
        using var client = Gpt4AllStub.Client(server);

        // Act
        var availability = await client.CheckAsync(["llama 3.2 1b instruct", "Llama 3 8B Instruct"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeTrue();
        availability.Reason.Should().Be($"GPT4All at {server.Url}/v1 serves: 'Llama 3.2 1B Instruct', 'Llama 3 8B Instruct'");
    }

    [Fact]
    public async Task CheckAsync_ModelMissing_IsUnavailableNamingMissingAndAvailable()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels);
        using var client = Gpt4AllStub.Client(server);

        // Act
        var availability = await client.CheckAsync(["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("does not serve 'Llama 3.2 3B Instruct'")
            .And.Contain("Available: 'Llama 3.2 1B Instruct', 'Llama 3 8B Instruct'")
            .And.NotContain("does not serve 'Llama 3.2 1B Instruct'");
    }

    [Fact]
    public async Task CheckAsync_ServerNotListening_IsUnavailableWithEnableInstructions()
    {
        // Arrange
        var baseUrl = LocalServers.ClosedBaseUrl();
        using var client = Gpt4AllStub.Client(baseUrl);

        // Act
        var availability = await client.CheckAsync([Gpt4AllStub.Model], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain($"not reachable at {baseUrl}").And.Contain("Enable Local API Server");
    }

    [Fact]
    public async Task CheckAsync_ServerHangs_IsBoundedByProbeTimeout()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels, TimeSpan.FromSeconds(10));
        using var client = Gpt4AllStub.Client(server, probeSeconds: 0.3);
        var watch = Stopwatch.StartNew();

        // Act
        var availability = await client.CheckAsync([Gpt4AllStub.Model], TestContext.Current.CancellationToken);

        // Assert
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("0.3 s").And.Contain("Backend:ProbeTimeoutSeconds");
    }

    [Fact]
    public async Task CheckAsync_NotAModelList_IsUnavailableSayingSo()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, """{"models":[]}""");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var availability = await client.CheckAsync([Gpt4AllStub.Model], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("not an OpenAI-style model list").And.Contain("""{"models":[]}""");
    }
}

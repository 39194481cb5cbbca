using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends;

public sealed class Gpt4AllClientProbeTests
{
    private const string TwoModels =
        """{"data":[{"id":"Llama 3.2 1B Instruct","object":"model"},{"id":"Llama 3 8B Instruct","object":"model"}],"object":"list"}""";

    [Fact]
    public async Task CheckAsync_AllModelsServed_IsAvailableListingThem()
    {
        // Act
        var availability = await CheckAgainstTwoModelsAsync(["Llama 3.2 1B Instruct", "Llama 3 8B Instruct"]);

        // Assert
        availability.IsAvailable.Should().BeTrue();
        availability.Reason.Should().Match("GPT4All at http://127.0.0.1:*/v1 serves: 'Llama 3.2 1B Instruct', 'Llama 3 8B Instruct'");
    }

    [Fact]
    public async Task CheckAsync_ModelsByFileName_AreAvailableAsTheirDisplayNames()
    {
        // Act: GPT4All lists display names only; the files are those of its catalogue (models3.json).
        var availability = await CheckAgainstTwoModelsAsync(["Llama-3.2-1B-Instruct-Q4_0.gguf", "Meta-Llama-3-8B-Instruct.Q4_0.gguf"]);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Match("GPT4All at http://127.0.0.1:*/v1 serves: 'Llama 3.2 1B Instruct', 'Llama 3 8B Instruct' " +
            "('Llama-3.2-1B-Instruct-Q4_0.gguf' is the file of 'Llama 3.2 1B Instruct'; 'Meta-Llama-3-8B-Instruct.Q4_0.gguf' is the file of 'Llama 3 8B Instruct')");
    }

    [Theory]
    [InlineData("llama 3.2 1b instruct", "Llama 3.2 1B Instruct")]
    [InlineData("Llama 3 8B Instruct ", "Llama 3 8B Instruct")]
    [InlineData("meta-llama-3-8b-instruct.q4_0.gguf", "Meta-Llama-3-8B-Instruct.Q4_0.gguf")]
    public async Task CheckAsync_NameMatchingOnlyButForCaseOrSpaces_IsRefusedAsGpt4AllWouldWithTheExactName(string configured, string meant)
    {
        // Act: GPT4All compares names exactly (QString ==) and would silently serve its default model.
        var availability = await CheckAgainstTwoModelsAsync([configured]);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain($"does not serve '{configured}'").And.Contain("matched exactly, letter case and spaces included")
            .And.Contain($"Did you mean '{meant}'?");
    }

    [Fact]
    public async Task CheckAsync_FileOfAModelNotInstalled_SaysWhichModelToDownload()
    {
        // Act
        var availability = await CheckAgainstTwoModelsAsync(["Llama-3.2-3B-Instruct-Q4_0.gguf"]);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("'Llama-3.2-3B-Instruct-Q4_0.gguf', the file of GPT4All's model 'Llama 3.2 3B Instruct', which this GPT4All does not list")
            .And.Contain("Download 'Llama 3.2 3B Instruct' in GPT4All")
            .And.Contain("Available: 'Llama 3.2 1B Instruct', 'Llama 3 8B Instruct'.");
    }

    [Fact]
    public async Task CheckAsync_FileOutsideTheCatalog_SaysItCannotBeCheckedUnlessListed()
    {
        // Arrange: a sideloaded file is listed under its file name (GPT4All's display name for it); another is not.
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, """{"data":[{"id":"my-finetune.Q4_K_M.gguf","object":"model"}],"object":"list"}""");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var listed = await client.CheckAsync(["my-finetune.Q4_K_M.gguf"], TestContext.Current.CancellationToken);
        var unlisted = await client.CheckAsync(["other.gguf"], TestContext.Current.CancellationToken);

        // Assert
        listed.IsAvailable.Should().BeTrue(listed.Reason);
        unlisted.IsAvailable.Should().BeFalse();
        unlisted.Reason.Should().Contain("'other.gguf' is no file of GPT4All's catalogue").And.Contain("cannot be checked");
    }

    [Fact]
    public async Task CheckAsync_CatalogUpdatedOnThisMachine_MapsTheNewFile()
    {
        // Arrange: GPT4All's downloaded models3.json names a file the built-in catalogue does not know.
        using var folder = new TempDirectory();
        var cached = Path.Combine(folder.Path, "models3.json");
        File.WriteAllText(cached, """[{"name":"Llama 3 8B Instruct","filename":"Meta-Llama-3-8B-Instruct.Q8_0.gguf","order":"a"}]""");
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels);
        using var client = Gpt4AllStub.Client(server, catalog: Gpt4AllModelCatalog.BuiltIn.With(cached));

        // Act
        var availability = await client.CheckAsync(["Meta-Llama-3-8B-Instruct.Q8_0.gguf"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().EndWith("('Meta-Llama-3-8B-Instruct.Q8_0.gguf' is the file of 'Llama 3 8B Instruct')");
    }

    [Fact]
    public async Task CheckAsync_ModelMissing_IsUnavailableNamingMissingAndAvailable()
    {
        // Act
        var availability = await CheckAgainstTwoModelsAsync(["Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct"]);

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
        // Arrange: the server hangs for 10 s of real time; the client's clock is fake, so only its probe timeout,
        // reached when the test moves that clock on, can end the wait before the server answers.
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels, TimeSpan.FromSeconds(10));
        var time = new FakeTimeProvider();
        using var client = Gpt4AllStub.Client(server, probeSeconds: 0.3, time: time);

        // Act
        var probe = client.CheckAsync([Gpt4AllStub.Model], TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(0.29));
        var waitingBeforeTheTimeout = !probe.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.01));
        var availability = await probe;

        // Assert
        waitingBeforeTheTimeout.Should().BeTrue();
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

    private static async Task<Availability> CheckAgainstTwoModelsAsync(string[] models)
    {
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnModels(server, TwoModels);
        using var client = Gpt4AllStub.Client(server);
        return await client.CheckAsync(models, TestContext.Current.CancellationToken);
    }
}

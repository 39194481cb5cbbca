using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends.Ollama;

public sealed class OllamaClientProbeTests
{
    /// <summary>docs/api.md's /api/tags answer, with llama3.2:1b added.</summary>
    private const string Tags = """
        {"models":[
          {"name":"llama3.2:latest","model":"llama3.2:latest","modified_at":"2025-05-04T17:37:44.706015396-07:00","size":2019393189,"digest":"a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"}},
          {"name":"llama3.2:1b","model":"llama3.2:1b","modified_at":"2025-05-04T17:37:44.706015396-07:00","size":1321098329,"digest":"baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"1.2B","quantization_level":"Q8_0"}}]}
        """;

    [Fact]
    public async Task CheckAsync_NameWithoutTag_IsTheLatestTag()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnGet(server, "/api/tags", Tags);
        using var client = OllamaStub.Client(server);

        // Act
        var availability = await client.CheckAsync(["llama3.2", "LLAMA3.2:1b"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Contain("'llama3.2:latest', 'llama3.2:1b'");
    }

    [Fact]
    public async Task CheckAsync_ModelNotPulled_SaysOllamaPull()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnGet(server, "/api/tags", Tags);
        using var client = OllamaStub.Client(server);

        // Act
        var availability = await client.CheckAsync(["llama3.2:1b", "qwen2.5:0.5b"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("does not have 'qwen2.5:0.5b': run `ollama pull qwen2.5:0.5b`");
    }

    [Fact]
    public async Task CheckAsync_NothingListening_SaysOllamaServe()
    {
        // Arrange
        using var client = OllamaStub.Client(LocalServers.ClosedBaseUrl());

        // Act
        var availability = await client.CheckAsync(["llama3.2"], TestContext.Current.CancellationToken);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("`ollama serve`");
    }

    [Fact]
    public async Task SettingsAsync_ShowPsAndVersion_GivesStandardNames()
    {
        // Arrange: /api/show with a Modelfile that sets num_ctx, temperature and top_k; /api/ps with 48% of the model in VRAM
        // (size 1000, size_vram 480: CPU share 520/1000 = 52%, as `ollama ps` prints "52%/48% CPU/GPU").
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnGet(server, "/api/version", """{"version":"0.5.1"}""");
        OllamaStub.OnPost(server, "/api/show", 200,
            """{"modelfile":"FROM llama3.2","parameters":"num_ctx                        4096\nstop                           \"<|eot_id|>\"\ntemperature                    0.6\ntop_k                          40","template":"{{ .Prompt }}","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"3.2B","quantization_level":"Q4_K_M"},"model_info":{"general.architecture":"llama"},"capabilities":["completion"]}""",
            "application/json; charset=utf-8");
        OllamaStub.OnGet(server, "/api/ps",
            """{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":1000,"digest":"a80c","details":{"family":"llama","quantization_level":"Q4_K_M"},"expires_at":"2024-06-04T14:38:31.83753-07:00","size_vram":480,"context_length":8192}]}""");
        using var client = OllamaStub.Client(server);

        // Act
        var settings = await client.SettingsAsync("llama3.2", TestContext.Current.CancellationToken);

        // Assert
        settings.Should().Contain(new Dictionary<string, string>
        {
            ["version"] = "0.5.1",
            ["context_tokens"] = "8192",
            ["temperature_default"] = "0.6",
            ["top_k_default"] = "40",
            ["quantization"] = "Q4_K_M",
            ["model_family"] = "llama",
            ["parameter_size"] = "3.2B",
            ["gpu_offload"] = "52%/48% CPU/GPU",
        });
    }

    [Fact]
    public async Task SettingsAsync_NothingListening_IsEmptyAndDoesNotThrow()
    {
        // Arrange
        using var client = OllamaStub.Client(LocalServers.ClosedBaseUrl());

        // Act
        var settings = await client.SettingsAsync("llama3.2", TestContext.Current.CancellationToken);

        // Assert
        settings.Should().BeEmpty();
    }
}

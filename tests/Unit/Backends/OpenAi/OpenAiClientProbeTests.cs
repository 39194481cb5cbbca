using SlmEnergyBench.Harness.Configuration;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Backends.OpenAi;

public sealed class OpenAiClientProbeTests
{
    [Fact]
    public async Task SettingsAsync_LlamaServerProps_ReadsContextSlotsAndSamplerDefaults()
    {
        // Arrange: /props as tools/server/README.md shows it (floats as llama-server prints them).
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "GET", "/v1/models", 200, "{\"object\":\"list\",\"data\":[{\"id\":\"/models/Llama-3.2-1B-Instruct-Q4_K_M.gguf\",\"object\":\"model\",\"owned_by\":\"llamacpp\"}]}");
        OpenAiStub.On(server, "GET", "/props", 200, "{\"default_generation_settings\":{\"id\":0,\"n_ctx\":4096,\"params\":{\"temperature\":0.800000011920929," +
            "\"top_k\":40,\"top_p\":0.949999988079071,\"min_p\":0.05000000074505806,\"repeat_penalty\":1.0}},\"total_slots\":1," +
            "\"model_path\":\"/models/Llama-3.2-1B-Instruct-Q4_K_M.gguf\",\"build_info\":\"b6400-0c8b5bd6\"}");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.Auto);

        // Act
        var settings = await client.SettingsAsync(OpenAiStub.Model, TestContext.Current.CancellationToken);
        var availability = await client.CheckAsync([OpenAiStub.Model], TestContext.Current.CancellationToken);

        // Assert
        settings.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["flavor"] = "llama.cpp",
            ["version"] = "b6400-0c8b5bd6",
            ["parallel_slots"] = "1",
            ["model_file"] = "Llama-3.2-1B-Instruct-Q4_K_M.gguf",
            ["context_tokens"] = "4096",
            ["temperature_default"] = "0.8",
            ["top_k_default"] = "40",
            ["top_p_default"] = "0.95",
            ["min_p_default"] = "0.05",
            ["repeat_penalty_default"] = "1",
        });
        availability.IsAvailable.Should().BeTrue("llama-server lists its model by path; the file name without .gguf names it");
    }

    [Theory]
    [InlineData("/api/v0/models", "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2-vl-7b-instruct\",\"object\":\"model\",\"type\":\"vlm\",\"state\":\"not-loaded\",\"max_context_length\":32768}]}", OpenAiFlavors.LmStudio)]
    [InlineData("/version", "{\"version\":\"0.11.0\"}", OpenAiFlavors.Vllm)]
    [InlineData("/nothing", "{}", OpenAiFlavors.Generic)]
    public async Task CheckAsync_Auto_TellsTheServerFromWhatItAloneServes(string path, string body, string expected)
    {
        // Arrange
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "GET", "/v1/models", 200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"owned_by\":\"organization_owner\"}]}");
        OpenAiStub.On(server, "GET", path, 200, body);
        using var client = OpenAiStub.Client(server, OpenAiFlavors.Auto);

        // Act
        var availability = await client.CheckAsync(["other"], TestContext.Current.CancellationToken);

        // Assert
        client.Flavor.Should().Be(expected);
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("does not serve 'other'").And.Contain("'m'");
    }

    [Fact]
    public async Task SettingsAsync_NothingAnswers_IsEmptyNotAnError()
    {
        // Arrange
        using var server = WireMockServer.Start();
        using var client = OpenAiStub.Client(server, OpenAiFlavors.Vllm);
        server.Stop();

        // Act
        var settings = await client.SettingsAsync("m", TestContext.Current.CancellationToken);

        // Assert
        settings.Should().BeEquivalentTo(new Dictionary<string, string> { ["flavor"] = "vllm" });
    }
}

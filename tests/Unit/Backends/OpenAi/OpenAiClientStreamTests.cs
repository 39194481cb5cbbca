using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.OpenAi;
using SlmEnergyBench.Harness.Configuration;
using WireMock.Server;

namespace SlmEnergyBench.Unit.Backends.OpenAi;

public sealed class OpenAiClientStreamTests
{
    private const string Timings = ",\"timings\":{\"cache_n\":236,\"prompt_n\":12,\"prompt_ms\":30.958,\"prompt_per_token_ms\":2.58,\"prompt_per_second\":387.6," +
        "\"predicted_n\":3,\"predicted_ms\":41.5,\"predicted_per_token_ms\":13.83,\"predicted_per_second\":72.29}";

    [Fact]
    public async Task CompleteAsync_LlamaServerStreamWithQuirks_ReadsTextUsageAndTimings()
    {
        // Arrange: a ping comment, an empty data line, a role-only chunk, content, finish alone with delta {}, the usage chunk
        // with choices [] carrying timings, and no [DONE].
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "POST", "/v1/chat/completions", 200, OpenAiStub.Sse(
            ": ping",
            "data: ",
            OpenAiStub.LlamaChunk("{\"finish_reason\":null,\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}"),
            OpenAiStub.LlamaChunk("{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"Joules\"}}"),
            OpenAiStub.LlamaChunk("{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\",\"}}"),
            OpenAiStub.LlamaChunk("{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\" calories\"}}"),
            OpenAiStub.LlamaChunk("{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}"),
            OpenAiStub.LlamaChunk("", ",\"usage\":{\"completion_tokens\":3,\"prompt_tokens\":12,\"total_tokens\":15}" + Timings)), "text/event-stream");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.LlamaCpp);

        // Act
        var result = await client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        result.Text.Should().Be("Joules, calories");
        result.FinishReason.Should().Be("stop");
        (result.PromptTokens, result.CompletionTokens).Should().Be((12, 3));
        result.Stream!.ChunkOffsetsS.Should().HaveCount(3, "the role-only chunk, the empty data and the ping are no tokens");
        result.Stream.OutputTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.Engine.Should().Be(new EngineTimings("llama-server timings (ms)", 12, 30.958, 3, 41.5) { CachedPromptTokens = 236 });
        result.Engine!.DecodeTokensPerSecond.Should().BeApproximately(3 / 0.0415, 1e-9); // 72.289 tokens/s
        var sent = server.LogEntries.Single().RequestMessage.Body!;
        sent.Should().Contain("\"cache_prompt\":false").And.Contain("\"stream_options\":{\"include_usage\":true}");
    }

    [Fact]
    public async Task CompleteAsync_LmStudioBody_StatsInSecondsBecomeMs()
    {
        // Arrange: LM Studio's /api/v0/chat/completions answer from its documentation.
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "POST", "/api/v0/chat/completions", 200,
            "{\"id\":\"chatcmpl-i3gkjwthhw96whukek9tz\",\"object\":\"chat.completion\",\"created\":1731990317,\"model\":\"" + OpenAiStub.Model + "\"," +
            "\"choices\":[{\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Joules.\"}}]," +
            "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":53,\"total_tokens\":77}," +
            "\"stats\":{\"tokens_per_second\":51.43709529007664,\"time_to_first_token\":0.111,\"generation_time\":0.954,\"stop_reason\":\"eosFound\"}," +
            "\"model_info\":{\"arch\":\"granite\",\"quant\":\"Q4_K_M\",\"format\":\"gguf\",\"context_length\":4096}," +
            "\"runtime\":{\"name\":\"llama.cpp-mac-arm64-apple-metal-advsimd\",\"version\":\"1.3.0\",\"supported_formats\":[\"gguf\"]}}");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.LmStudio, stream: false);

        // Act
        var result = await client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert: 0.111 s = 111 ms; 0.954 s = 954 ms; 53 tokens / 0.954 s = 55.556 tokens/s.
        result.Engine!.Source.Should().Be("LM Studio stats (s)");
        result.Engine.TimeToFirstTokenMs.Should().BeApproximately(111, 1e-9);
        result.Engine.DecodeMs.Should().BeApproximately(954, 1e-9);
        result.Engine.DecodeTokensPerSecond.Should().BeApproximately(55.5556, 1e-4);
        result.Stream.Should().BeNull("a single body has no chunks");
    }

    [Fact]
    public async Task CompleteAsync_ErrorInTheMiddleOf200Stream_FailsThisCaseWithTheServersMessage()
    {
        // Arrange
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "POST", "/v1/chat/completions", 200, OpenAiStub.Sse(
            OpenAiStub.LlamaChunk("{\"finish_reason\":null,\"index\":0,\"delta\":{\"content\":\"Joules\"}}"),
            "data: {\"error\":{\"code\":500,\"message\":\"failed to decode the batch\",\"type\":\"server_error\"}}"), "text/event-stream");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.LlamaCpp);

        // Act
        var act = () => client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain("in the middle of its answer").And.Contain("after 1 content chunks").And.Contain("failed to decode the batch").And.Contain("Only this case failed");
    }

    [Fact]
    public async Task CompleteAsync_ChunkNotJson_SaysWhichChunk()
    {
        // Arrange
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "POST", "/v1/completions", 200, OpenAiStub.Sse(
            "data: {\"choices\":[{\"index\":0,\"text\":\"Joules\",\"finish_reason\":null}],\"model\":\"" + OpenAiStub.Model + "\"}", "data: {\"choices\":[{\"ind"),
            "text/event-stream");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.Vllm, Endpoints.Completions);

        // Act
        var act = () => client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("chunk 2 is not JSON").And.Contain("{\"choices\":[{\"ind");
    }

    [Fact]
    public async Task CompleteAsync_StillLoadingPastTheWait_SaysWhatToDo()
    {
        // Arrange: llama-server's answer while it loads.
        using var server = WireMockServer.Start();
        OpenAiStub.On(server, "POST", "/v1/chat/completions", 503, "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}");
        using var client = OpenAiStub.Client(server, OpenAiFlavors.LlamaCpp, loadWaitS: 0.6);

        // Act
        var act = () => client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert: asked again every 0.25 s until 0.6 s had passed.
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("503 (still loading the model)").And.Contain("Backend:LoadWaitSeconds");
        server.LogEntries.Count().Should().BeInRange(3, 5);
    }

    [Theory]
    [InlineData(OpenAiFlavors.LmStudio, 404, "{\"error\":{\"message\":\"Model \\\"x\\\" not found.\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}", "lms load x")]
    [InlineData(OpenAiFlavors.Vllm, 404, "{\"error\":{\"message\":\"The model `x` does not exist.\",\"type\":\"NotFoundError\",\"param\":\"model\",\"code\":404}}", "--served-model-name x")]
    [InlineData(OpenAiFlavors.LlamaCpp, 400, "{\"error\":{\"code\":400,\"message\":\"model 'x' not found\",\"type\":\"invalid_request_error\"}}", "llama-server serves the one model given with -m/--alias")]
    public async Task CompleteAsync_ModelNotServed_SaysHowThatServerLoadsIt(string flavor, int status, string body, string hint)
    {
        // Arrange
        using var server = WireMockServer.Start();
        var path = flavor == OpenAiFlavors.LmStudio ? "/api/v0/chat/completions" : "/v1/chat/completions";
        OpenAiStub.On(server, "POST", path, status, body);
        using var client = OpenAiStub.Client(server, flavor);

        // Act
        var act = () => client.CompleteAsync(OpenAiStub.Request("x"), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("refused 'x'").And.Contain(hint);
    }

    [Fact]
    public async Task CompleteAsync_NothingListens_SaysWhatToStart()
    {
        // Arrange: a port that was free a moment ago.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new OpenAiClient(new BackendOptions { BaseUrl = $"http://127.0.0.1:{port}/v1", Flavor = OpenAiFlavors.LlamaCpp }, new Harness.Timing.SessionClock());

        // Act
        var act = () => client.CompleteAsync(OpenAiStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("Nothing answers").And.Contain("llama-server -m <model.gguf>");
    }
}

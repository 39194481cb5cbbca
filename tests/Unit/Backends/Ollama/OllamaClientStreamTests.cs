using System.Text.Json;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends.Ollama;

public sealed class OllamaClientStreamTests
{
    [Fact]
    public async Task CompleteAsync_GenerateStream_SendsOllamaFieldsOnly()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines("The", " sky") + OllamaStub.DocsFinal + "\n");
        using var client = OllamaStub.Client(server);

        // Act
        await client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        using var body = JsonDocument.Parse(server.LogEntries.Single().RequestMessage.Body!);
        var root = body.RootElement;
        JsonKeys.Of(root).Should().BeEquivalentTo("model", "prompt", "stream", "keep_alive", "options");
        root.GetProperty("model").GetString().Should().Be("llama3.2");
        root.GetProperty("prompt").GetString().Should().Be("Why is the sky blue?");
        root.GetProperty("stream").GetBoolean().Should().BeTrue();
        root.GetProperty("keep_alive").GetString().Should().Be("30m");
        JsonKeys.Of(root.GetProperty("options")).Should().BeEquivalentTo("num_predict", "temperature", "seed");
        root.GetProperty("options").GetProperty("num_predict").GetRawText().Should().Be("1024");
        root.GetProperty("options").GetProperty("temperature").GetDouble().Should().Be(0.7);
        root.GetProperty("options").GetProperty("seed").GetRawText().Should().Be("42");
    }

    [Fact]
    public async Task CompleteAsync_DocsFinalObject_ConvertsNanosecondsToMilliseconds()
    {
        // Arrange: docs/api.md's final object. By hand: 383809000 ns = 383.809 ms, 4799921000 ns = 4799.921 ms,
        // 2154458 ns = 2.154458 ms, 5191566416 ns = 5191.566416 ms; 298 tokens / 4.799921 s = 62.0843 tokens/s.
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines("The", " sky", " is") + OllamaStub.DocsFinal + "\n");
        using var client = OllamaStub.Client(server);

        // Act
        var result = await client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        result.Engine!.Source.Should().Be("ollama final object (ns)");
        result.Engine.PromptTokens.Should().Be(26);
        result.Engine.PromptMs.Should().BeApproximately(383.809, 1e-9);
        result.Engine.DecodeTokens.Should().Be(298);
        result.Engine.DecodeMs.Should().BeApproximately(4799.921, 1e-9);
        result.Engine.LoadMs.Should().BeApproximately(2.154458, 1e-9);
        result.Engine.TotalMs.Should().BeApproximately(5191.566416, 1e-9);
        result.Engine.DecodeTokensPerSecond.Should().BeApproximately(62.0843, 1e-4);
        result.ServerLoadS.Should().Be(0, "2.15 ms of load_duration is scheduling, not a load (rule: above 0.05 s)");
        result.PromptTokens.Should().Be(26);
        result.CompletionTokens.Should().Be(298);
        result.PromptTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.CompletionTokensSource.Should().Be(TokenCountSource.ServerUsage);
        result.Text.Should().Be("The sky is");
        result.ServedModel.Should().Be("llama3.2");
        result.FinishReason.Should().Be("stop");
        result.Stream!.ChunkOffsetsS.Should().HaveCount(3, "three content lines; the final object carries no text");
        result.Stream.OutputTokens.Should().Be(298);
        result.TimeToFirstTokenS.Should().Be(result.Stream.TimeToFirstTokenS);
    }

    [Fact]
    public async Task CompleteAsync_LoadInsideRequest_ServerLoadSIsLoadDuration()
    {
        // Arrange: docs/api.md's first-request final object: load_duration 6338219291 ns = 6.338219291 s.
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines("The") +
            """{"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","response":"","done":true,"context":[1,2,3],"total_duration":10706818083,"load_duration":6338219291,"prompt_eval_count":26,"prompt_eval_duration":130079000,"eval_count":259,"eval_duration":4232710000}""" + "\n");
        using var client = OllamaStub.Client(server);

        // Act
        var result = await client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        result.ServerLoadS.Should().BeApproximately(6.338219291, 1e-12);
        result.Engine!.LoadMs.Should().BeApproximately(6338.219291, 1e-9);
        result.FinishReason.Should().BeEmpty("that final object has no done_reason");
    }

    [Fact]
    public async Task CompleteAsync_ErrorLineMidStream_FailsWithServersMessage()
    {
        // Arrange: docs/api/errors.mdx's example: tokens, then an error line, status still 200.
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines(" Yes", ".") + """{"error":"an error was encountered while running the model"}""" + "\n");
        using var client = OllamaStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>())
            .Which.Message.Should().Contain("\"an error was encountered while running the model\"").And.Contain("after 2 token(s)");
    }

    [Fact]
    public async Task CompleteAsync_StreamEndsWithoutDone_FailsSayingSo()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines("The", " sky"));
        using var client = OllamaStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>())
            .Which.Message.Should().Contain("2 token(s) without Ollama's final object (\"done\": true)");
    }

    [Fact]
    public async Task CompleteAsync_ModelNotPulled_SaysOllamaPull()
    {
        // Arrange: server/routes.go's 404.
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 404, """{"error":"model 'qwen2.5:0.5b' not found"}""", "application/json; charset=utf-8");
        using var client = OllamaStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(OllamaStub.Request("qwen2.5:0.5b"), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>())
            .Which.Message.Should().Contain("model 'qwen2.5:0.5b' not found").And.Contain("Run `ollama pull qwen2.5:0.5b`");
    }

    [Fact]
    public async Task CompleteAsync_NothingListening_SaysOllamaServe()
    {
        // Arrange
        using var client = OllamaStub.Client(LocalServers.ClosedBaseUrl());

        // Act
        var act = () => client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("`ollama serve`");
    }

    [Fact]
    public async Task CompleteAsync_NoAnswerInTime_TimesOutNamingTheSetting()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/generate", 200, OllamaStub.Lines("The") + OllamaStub.DocsFinal + "\n", delay: TimeSpan.FromSeconds(5));
        using var client = OllamaStub.Client(server, timeoutSeconds: 0.5);

        // Act
        var act = () => client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>())
            .Which.Message.Should().Contain("within 0.5 s (Backend:TimeoutSeconds): no answer arrived");
    }

    [Fact]
    public async Task CompleteAsync_ChatWithoutStreaming_ReadsOneBody()
    {
        // Arrange: docs/api.md's "Chat request (No streaming)" answer.
        using var server = LocalServers.StartWireMock();
        OllamaStub.OnPost(server, "/api/chat", 200,
            """{"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant","content":"Hello! How are you today?"},"done":true,"total_duration":5191566416,"load_duration":2112583,"prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}""",
            "application/json; charset=utf-8");
        using var client = OllamaStub.Client(server, Endpoints.Chat, stream: false);

        // Act
        var result = await client.CompleteAsync(OllamaStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        using var body = JsonDocument.Parse(server.LogEntries.Single().RequestMessage.Body!);
        body.RootElement.GetProperty("stream").GetBoolean().Should().BeFalse();
        body.RootElement.GetProperty("messages").GetRawText().Should().Be("""[{"role":"user","content":"Why is the sky blue?"}]""");
        result.Text.Should().Be("Hello! How are you today?");
        result.Stream.Should().BeNull("without streaming there are no per-token arrivals");
        result.CompletionTokens.Should().Be(298);
        result.Engine!.PromptMs.Should().BeApproximately(383.809, 1e-9);
    }
}

using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Backends;

public sealed class Gpt4AllClientErrorTests
{
    [Fact]
    public async Task CompleteAsync_ServerNotListening_ThrowsUnreachableWithEnableInstructions()
    {
        // Arrange
        var baseUrl = LocalServers.ClosedBaseUrl();
        using var client = Gpt4AllStub.Client(baseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain($"not reachable at {baseUrl}")
            .And.Contain("Enable Local API Server")
            .And.Contain("4891")
            .And.Contain("127.0.0.1");
    }

    [Fact]
    public async Task CompleteAsync_BadRequest_ReportsServersErrorMessage()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 400,
            """{"error":{"code":null,"message":"Unrecognized request argument supplied: stop_sequence","param":null,"type":"invalid_request_error"}}""");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain("400").And.Contain("Unrecognized request argument supplied: stop_sequence");
    }

    [Fact]
    public async Task CompleteAsync_ServerErrorWithEmptyBody_ExplainsLikelyCauses()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 500, "");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain("500").And.Contain("context window").And.Contain("memory").And.Contain("missing").And.Contain(Gpt4AllStub.Model);
    }

    [Fact]
    public async Task CompleteAsync_OtherStatus_ReportsStatusAndBodySnippet()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 503, "model is busy");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("HTTP 503").And.Contain("model is busy");
    }

    [Fact]
    public async Task CompleteAsync_WrongBasePath_Reports404WithBaseUrlHint()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        using var client = Gpt4AllStub.Client(server.Url!);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("HTTP 404").And.Contain("/v1");
    }

    [Fact]
    public async Task CompleteAsync_SlowerThanTimeout_ThrowsNamingSecondsAndKey()
    {
        // Arrange: the server takes 5 s of real time; the client's clock is fake, so only its request timeout, reached
        // when the test moves that clock on, can end the wait before the server answers.
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(), TimeSpan.FromSeconds(5));
        var time = new FakeTimeProvider();
        using var client = Gpt4AllStub.Client(server, timeoutSeconds: 0.3, time: time);

        // Act
        var request = client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(0.29));
        var waitingBeforeTheTimeout = !request.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.01));
        var act = () => request;

        // Assert
        waitingBeforeTheTimeout.Should().BeTrue();
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain("0.3 s").And.Contain("Backend:TimeoutSeconds");
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, Gpt4AllStub.Completion(), TimeSpan.FromSeconds(5));
        using var client = Gpt4AllStub.Client(server);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), cancel.Token);

        // Assert
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task CompleteAsync_MalformedJson_ThrowsWithSnippet()
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, """{"choices":[{"text":"Hel""");
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should()
            .Contain("not valid JSON").And.Contain("""{"choices":[{"text":"Hel""");
    }

    [Theory]
    [InlineData("""{"model":"Llama 3.2 1B Instruct"}""", "no 'choices'")]
    [InlineData("""{"choices":[],"model":"Llama 3.2 1B Instruct"}""", "no 'choices'")]
    [InlineData("""{"choices":{"text":"x"},"model":"Llama 3.2 1B Instruct"}""", "no 'choices'")]
    [InlineData("""{"choices":[{"finish_reason":"stop"}],"model":"Llama 3.2 1B Instruct"}""", "neither a string 'text'")]
    [InlineData("""{"choices":[{"text":"x"}]}""", "no string 'model'")]
    [InlineData("""[1,2]""", "not an object")]
    public async Task CompleteAsync_UnusableBody_ThrowsSayingWhatIsMissing(string body, string problem)
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        Gpt4AllStub.OnPost(server, "/v1/completions", 200, body);
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Contain(problem).And.Contain(body);
    }

    [Theory]
    [InlineData(WireMock.ResponseBuilders.FaultType.EMPTY_RESPONSE)]
    [InlineData(WireMock.ResponseBuilders.FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task CompleteAsync_EmptyOrGarbledBody_ThrowsBackendExceptionWithAReadableSnippet(WireMock.ResponseBuilders.FaultType fault)
    {
        // Arrange
        using var server = LocalServers.StartWireMock();
        server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/v1/completions").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("{\"choices\":[{\"text\":\"partial").WithFault(fault));
        using var client = Gpt4AllStub.Client(server);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), TestContext.Current.CancellationToken);

        // Assert
        var message = (await act.Should().ThrowAsync<BackendException>()).Which.Message;
        message.Should().Contain(server.Url!).And.Contain("is not a usable completion").And.Contain("not valid JSON");
        message.Should().NotContain("\uFFFD").And.NotContainAny("\0", "\u0001", "\u001b");
    }
}

using System.Diagnostics;
using System.Text;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Unit.Backends;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// The GPT4All client against a raw TCP server that misbehaves mid-answer (README, "When something goes wrong"):
/// each fault gives one message that says what happened and what to do, within the configured timeout.
/// </summary>
public sealed class BackendFaultTests
{
    private static readonly string Body = Gpt4AllStub.Completion();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompleteAsync_HangsBeforeAnswering_TimesOutNamingTheSettingToRaise()
    {
        // Arrange
        using var server = new RawHttpServer(_ => RawAnswer.HangBeforeHeaders());
        using var client = Gpt4AllStub.Client(server.BaseUrl, timeoutSeconds: 0.4);
        var watch = Stopwatch.StartNew();

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Be(
            $"GPT4All did not answer {server.BaseUrl}/completions within 0.4 s (Backend:TimeoutSeconds). A long generation on a slow machine " +
            "can take minutes: raise Backend:TimeoutSeconds, or lower Generation:MaxTokens.");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the limit ends the wait (the server would hang for ever)");
    }

    [Fact]
    public async Task CompleteAsync_HangsMidBody_TimesOutSayingHowFarTheAnswerGot()
    {
        // Arrange: 40 of the body's bytes, then silence with the connection open.
        using var server = new RawHttpServer(_ => RawAnswer.HangMidBody(Body, 40));
        using var client = Gpt4AllStub.Client(server.BaseUrl, timeoutSeconds: 0.5);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        var message = (await act.Should().ThrowAsync<BackendException>()).Which.Message;
        message.Should().Match(
            $"GPT4All began answering {server.BaseUrl}/completions (HTTP 200) but the whole answer had not arrived within 0.5 s (Backend:TimeoutSeconds): " +
            $"40 of {Encoding.UTF8.GetByteCount(Body)} bytes arrived, the last of them * s before the limit. If the answer was still arriving, " +
            "GPT4All is merely slow: raise Backend:TimeoutSeconds. If it had stopped, GPT4All hangs: restart it. Later cases are still sent.");
    }

    [Fact]
    public async Task CompleteAsync_ClosesMidBody_SaysTheConnectionBrokeAndWhatToCheck()
    {
        // Arrange
        using var server = new RawHttpServer(_ => RawAnswer.CloseMidBody(Body, 40));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        var message = (await act.Should().ThrowAsync<BackendException>()).Which.Message;
        message.Should().Match(
            $"GPT4All closed the connection in the middle of its answer to {server.BaseUrl}/completions (HTTP 200, 40 of {Encoding.UTF8.GetByteCount(Body)} bytes arrived: *). " +
            "GPT4All probably crashed or was closed while answering: check that it is running and that the model loads in its chat window. Later cases are still sent.");
    }

    [Fact]
    public async Task CompleteAsync_AnswerTricklesInWithinTheTimeout_Succeeds()
    {
        // Arrange: one byte every 2 ms, the whole body in well under the 30 s timeout.
        using var server = new RawHttpServer(_ => RawAnswer.Trickle(Body, TimeSpan.FromMilliseconds(2)));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var result = await client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert: the window ends when the last byte arrived, so it holds the bytes' delays (half of them, for timers that fire early).
        result.Text.Should().Be(" Joules, calories and kilowatt-hours.");
        result.CompletionTokens.Should().Be(9);
        result.WallSeconds.Should().BeGreaterThanOrEqualTo(Encoding.UTF8.GetByteCount(Body) * 0.001);
    }

    [Fact]
    public async Task CompleteAsync_AnswerTricklesInBeyondTheTimeout_TimesOutSayingItWasStillArriving()
    {
        // Arrange: one byte every 20 ms: the body would take several seconds; the limit is 0.5 s.
        using var server = new RawHttpServer(_ => RawAnswer.Trickle(Body, TimeSpan.FromMilliseconds(20)));
        using var client = Gpt4AllStub.Client(server.BaseUrl, timeoutSeconds: 0.5);
        var watch = Stopwatch.StartNew();

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert: bytes kept coming (not none), and the message says when the last one came.
        var message = (await act.Should().ThrowAsync<BackendException>()).Which.Message;
        message.Should().Match($"GPT4All began answering {server.BaseUrl}/completions (HTTP 200) but the whole answer had not arrived within 0.5 s " +
                               $"(Backend:TimeoutSeconds): * of {Encoding.UTF8.GetByteCount(Body)} bytes arrived, the last of them * s before the limit. *");
        message.Should().NotContain(" 0 of ");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the limit ends the wait (the server would hang for ever)");
    }

    [Fact]
    public async Task CompleteAsync_HugeBodyAnnounced_IsRefusedWithoutReadingIt()
    {
        // Arrange: 1 GiB announced; only its headers are read.
        var progress = new RawProgress();
        using var server = new RawHttpServer(_ => RawAnswer.Huge(1L << 30, announce: true, progress));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Be(
            $"GPT4All's answer to {server.BaseUrl}/completions is larger than 16 MiB (its Content-Length is 1073741824 bytes), so it was refused: " +
            $"a completion of at most 1024 tokens (Generation:MaxTokens) is a few kilobytes. Something other than GPT4All's API may be answering at {server.BaseUrl}: " +
            "check Backend:BaseUrl (GPT4All's is http://127.0.0.1:4891/v1).");
        await progress.WaitDoneAsync(TimeSpan.FromSeconds(10), _ct);
        progress.Done.Should().BeTrue("the client closed the connection instead of reading on");
        progress.Sent.Should().BeLessThan(64L << 20, "no more than the sockets' buffers took was sent, of 1 GiB");
    }

    [Fact]
    public async Task CompleteAsync_HugeBodyWithoutLength_StopsReadingAtTheLimit()
    {
        // Arrange: 20 MiB delimited by the connection's end.
        using var server = new RawHttpServer(_ => RawAnswer.Huge(20L << 20, announce: false));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().StartWith(
            $"GPT4All's answer to {server.BaseUrl}/completions is larger than 16 MiB (more than 16777216 bytes arrived before reading stopped), so it was refused: ");
    }

    [Fact]
    public async Task CompleteAsync_WebPageInsteadOfJson_SaysSomethingElseAnswersThere()
    {
        // Arrange: another web server on GPT4All's port.
        const string Page = "<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head></html>";
        using var server = new RawHttpServer(_ => RawAnswer.Complete(200, Page, "text/html"));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Be(
            $"GPT4All's answer to {server.BaseUrl}/completions is a web page (HTML or XML), not JSON: something other than GPT4All's API answers at {server.BaseUrl} " +
            "(another web server or a proxy on that port). Check Backend:BaseUrl (GPT4All's is http://127.0.0.1:4891/v1) and that GPT4All's API server is enabled. " +
            "Page: <!DOCTYPE html> <html><head><title>Welcome to nginx!</title></head></html>");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task CompleteAsync_BusyStatus_SaysTheServerIsBusyAndWhatToDo(int status)
    {
        // Arrange
        using var server = new RawHttpServer(_ => RawAnswer.Complete(status, "busy"));
        using var client = Gpt4AllStub.Client(server.BaseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Be(
            $"GPT4All answered {server.BaseUrl}/completions with HTTP {status}. The server is busy or not ready: GPT4All answers one request at a time, " +
            "so something else may be using it (another benchmark run, or its chat window generating), or the model is still loading. " +
            "Let it finish and run again; later cases are still sent. Body: busy");
    }

    [Fact]
    public async Task CompleteAsync_ServerRefusesTheConnection_SaysHowToEnableTheServer()
    {
        // Arrange
        var server = new RawHttpServer(_ => RawAnswer.HangBeforeHeaders());
        var baseUrl = server.BaseUrl;
        server.Dispose();
        using var client = Gpt4AllStub.Client(baseUrl);

        // Act
        var act = () => client.CompleteAsync(Gpt4AllStub.Request(), _ct);

        // Assert
        (await act.Should().ThrowAsync<BackendException>()).Which.Message.Should().Be(
            $"The GPT4All API server is not reachable at {baseUrl} (ConnectionRefused). Start GPT4All and enable its API server: GPT4All > Settings > " +
            "Application > Advanced > \"Enable Local API Server\" (default port 4891). Use http://127.0.0.1:4891/v1 as Backend:BaseUrl, not localhost: " +
            "the server listens on 127.0.0.1 only.");
    }
}

using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Backends;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// A whole session whose GPT4All misbehaves on one prompt: that case fails with the fault's message, the cases
/// before and after it pass, and the record written before the fault is still byte for byte in <c>cases.jsonl</c>.
/// </summary>
public sealed class BackendFaultSessionTests : IDisposable
{
    private const string Model = Gpt4AllStub.Model;
    private static readonly string Body = Gpt4AllStub.Completion();
    private readonly string _results = Directory.CreateTempSubdirectory("backend-faults-").FullName;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_results, recursive: true);

    [Theory]
    [InlineData("hangs before answering", "GPT4All did not answer {url}/completions within 0.5 s (Backend:TimeoutSeconds).")]
    [InlineData("hangs mid-body", "GPT4All began answering {url}/completions (HTTP 200) but the whole answer had not arrived within 0.5 s")]
    [InlineData("answers byte by byte, too slowly", "GPT4All began answering {url}/completions (HTTP 200) but the whole answer had not arrived within 0.5 s")]
    [InlineData("closes mid-body", "GPT4All closed the connection in the middle of its answer to {url}/completions (HTTP 200, 40 of ")]
    [InlineData("500 with an empty body", "GPT4All answered {url}/completions with 500 and an empty body for model 'Llama 3.2 1B Instruct'.")]
    [InlineData("malformed JSON", "GPT4All's answer to {url}/completions is not a usable completion: the body is not valid JSON")]
    [InlineData("a body without usage", "the backend's answer carries no usage.completion_tokens, so tokens/s and J/token cannot be computed")]
    [InlineData("a huge body", "GPT4All's answer to {url}/completions is larger than 16 MiB (its Content-Length is 1073741824 bytes), so it was refused")]
    [InlineData("a wrong model", "Requested model 'Llama 3.2 1B Instruct', but GPT4All served 'Llama 3 8B Instruct'.")]
    [InlineData("a web page", "GPT4All's answer to {url}/completions is a web page (HTML or XML), not JSON")]
    [InlineData("429 busy", "GPT4All answered {url}/completions with HTTP 429. The server is busy or not ready")]
    [InlineData("404 route", "GPT4All answered {url}/completions with HTTP 404. Check Backend:BaseUrl: it must end with /v1")]
    public async Task RunCase_FaultOnTheSecondPrompt_FailsThatCaseOnlyAndKeepsTheFirstRecord(string fault, string messageStart)
    {
        // Arrange: three prompts; the server misbehaves on the second only.
        string? faultPrompt = null;
        using var server = new RawHttpServer(request =>
            request.Path == "/v1/models" ? RawAnswer.Complete(200, FaultSession.ModelList(Model))
            : FaultSession.PromptOf(request.Body) == faultPrompt ? Fault(fault)
            : RawAnswer.Complete(200, Body));
        var clock = new SessionClock();
        using var client = Gpt4AllStub.Client(server.BaseUrl, timeoutSeconds: 0.5);
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Models", Model), ("ENERGYBENCH__Prompts__Count", "3"));
        await using var session = await FaultSession.OpenAsync(config, clock, client, [], _ct);
        faultPrompt = session.Prompts!.Prompts[1].Text;
        var first = await session.RunCaseAsync(Model, 0, _ct);
        var firstLine = FaultSession.CaseLines(session.Results!.Directory).Single();

        // Act
        var second = await session.RunCaseAsync(Model, 1, _ct);
        var third = await session.RunCaseAsync(Model, 2, _ct);

        // Assert
        first.Outcome.Should().Be("passed", string.Join("; ", first.Problems));
        second.Outcome.Should().Be("failed");
        second.Problems.Should().ContainSingle().Which.Should().StartWith(messageStart.Replace("{url}", server.BaseUrl, StringComparison.Ordinal));
        third.Outcome.Should().Be("passed", string.Join("; ", third.Problems));
        var lines = FaultSession.CaseLines(session.Results.Directory);
        lines.Should().HaveCount(3);
        lines[0].Should().Be(firstLine, "a record once written is never touched again");
        FaultSession.Outcomes(session.Results.Directory).Select(o => o.Outcome).Should().Equal("passed", "failed", "passed");
    }

    [Fact]
    public async Task RunCase_ServerQuitsAfterTheFirstCase_FailsTheLaterCasesSayingHowToStartItAgain()
    {
        // Arrange
        using var server = new RawHttpServer(request =>
            request.Path == "/v1/models" ? RawAnswer.Complete(200, FaultSession.ModelList(Model)) : RawAnswer.Complete(200, Body));
        var clock = new SessionClock();
        using var client = Gpt4AllStub.Client(server.BaseUrl, timeoutSeconds: 0.5);
        var config = FakeProfileConfig.Load(_results, ("ENERGYBENCH__Models", Model), ("ENERGYBENCH__Prompts__Count", "3"));
        await using var session = await FaultSession.OpenAsync(config, clock, client, [], _ct);
        await session.RunCaseAsync(Model, 0, _ct);
        var firstLine = FaultSession.CaseLines(session.Results!.Directory).Single();

        // Act
        server.StopListening();
        var later = new[] { await session.RunCaseAsync(Model, 1, _ct), await session.RunCaseAsync(Model, 2, _ct) };

        // Assert
        later.Should().AllSatisfy(c => c.Problems.Should().ContainSingle().Which.Should().StartWith(
            $"The GPT4All API server is not reachable at {server.BaseUrl} (ConnectionRefused). Start GPT4All and enable its API server"));
        FaultSession.CaseLines(session.Results.Directory).Should().HaveCount(3).And.StartWith(firstLine);
        FaultSession.Outcomes(session.Results.Directory).Select(o => o.Outcome).Should().Equal("passed", "failed", "failed");
    }

    private static RawAnswer Fault(string fault) => fault switch
    {
        "hangs before answering" => RawAnswer.HangBeforeHeaders(),
        "hangs mid-body" => RawAnswer.HangMidBody(Body, 40),
        "answers byte by byte, too slowly" => RawAnswer.Trickle(Body, TimeSpan.FromMilliseconds(20)),
        "closes mid-body" => RawAnswer.CloseMidBody(Body, 40),
        "500 with an empty body" => RawAnswer.Complete(500, ""),
        "malformed JSON" => RawAnswer.Complete(200, Body[..(Body.Length / 2)]),
        "a body without usage" => RawAnswer.Complete(200, Gpt4AllStub.Completion(usage: false)),
        "a huge body" => RawAnswer.Huge(1L << 30, announce: true),
        "a wrong model" => RawAnswer.Complete(200, Gpt4AllStub.Completion(model: "Llama 3 8B Instruct")),
        "a web page" => RawAnswer.Complete(200, "<html><body>It works!</body></html>", "text/html"),
        "429 busy" => RawAnswer.Complete(429, ""),
        "404 route" => RawAnswer.Complete(404, ""),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault"),
    };
}

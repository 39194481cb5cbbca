using System.Text;
using SlmEnergyBench.Benchmarks.Requests;
using SlmEnergyBench.Harness.Backends;

namespace SlmEnergyBench.Unit.Benchmarks.Requests;

/// <summary>
/// The two paths of the request-overhead benchmark against its instant server: the comparison is only fair when both read the
/// whole answer, and the harness's reads it as from a real server (every token, the usage, llama-server's timings).
/// </summary>
public sealed class RequestPathsTests : IDisposable
{
    private readonly string _results = Path.Combine(Path.GetTempPath(), "slmbench-requests-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_results))
            Directory.Delete(_results, recursive: true);
    }

    [Fact]
    public async Task HarnessPath_LlamaServerStreamOf1024Tokens_ReadsEveryTokenTimingsAndWritesOneLine()
    {
        // Arrange
        var answer = RequestServers.Answer(RequestServers.LlamaServer, 1024);
        await using var server = await InstantServer.StartAsync(answer);
        using var path = new HarnessPath(RequestServers.LlamaServer, server.BaseUrl, "Say something.", 1024, _results);

        // Act
        var record = await path.RunAsync(TestContext.Current.CancellationToken);

        // Assert: 1024 one-word chunks, the usage chunk's counts and llama-server's timings as canned (prompt 30.9 ms, 18.9 ms a token).
        var completion = record.Completion!;
        completion.Text.Should().Be(answer.Text);
        completion.Text.Split(' ').Should().HaveCount(1024);
        completion.CompletionTokens.Should().Be(1024);
        completion.PromptTokens.Should().Be(CannedAnswer.PromptTokens);
        completion.FinishReason.Should().Be("length");
        completion.Stream!.ChunkOffsetsS.Should().HaveCount(1024);
        completion.TimeToFirstTokenS.Should().BeGreaterThan(0);
        completion.Engine!.PromptMs.Should().Be(30.9);
        completion.Engine.DecodeMs.Should().BeApproximately(1024 * 18.9, 1e-6);
        record.TokensPerSecond.Should().BeApproximately(1024 / completion.WallSeconds, 1e-9);
        (await File.ReadAllLinesAsync(path.CasesFile, TestContext.Current.CancellationToken)).Should().ContainSingle()
            .Which.Should().Contain("\"completionTokens\":1024");
    }

    [Fact]
    public async Task HarnessPath_Gpt4AllBodyOf16Tokens_ReadsTextAndUsage()
    {
        // Arrange
        var answer = RequestServers.Answer(RequestServers.Gpt4All, 16);
        await using var server = await InstantServer.StartAsync(answer);
        using var path = new HarnessPath(RequestServers.Gpt4All, server.BaseUrl, "Say something.", 16, _results);

        // Act
        var record = await path.RunAsync(TestContext.Current.CancellationToken);

        // Assert: GPT4All does not stream, so no chunk timings; the served display name is the requested one.
        var completion = record.Completion!;
        completion.Text.Should().Be("The energy a small language model uses to answer depends on the prompt length the number");
        completion.CompletionTokens.Should().Be(16);
        completion.ServedModel.Should().Be("Llama 3.2 1B Instruct");
        completion.Stream.Should().BeNull();
        completion.CompletionTokensSource.Should().Be(TokenCountSource.ServerUsage);
    }

    [Fact]
    public async Task BarePath_SameRequestBytes_ReadsTheWholeAnswer()
    {
        // Arrange
        var answer = RequestServers.Answer(RequestServers.LlamaServer, 16);
        await using var server = await InstantServer.StartAsync(answer);
        using var harness = new HarnessPath(RequestServers.LlamaServer, server.BaseUrl, "Say something.", 16, _results);
        var body = RequestServers.RequestBody(RequestServers.LlamaServer, harness.Request, harness.Options.Backend);
        using var bare = new BarePath(server.BaseUrl + "/v1/completions", body);

        // Act
        var read = await bare.RunAsync(TestContext.Current.CancellationToken);

        // Assert: the bytes as sent, ending with llama-server's [DONE]; the request is the harness's llama-server one.
        read.Should().Be(Encoding.UTF8.GetString(answer.Bytes)).And.EndWith("data: [DONE]\n\n");
        Encoding.UTF8.GetString(body).Should().Contain("\"max_tokens\":16").And.Contain("\"cache_prompt\":false").And.Contain("\"include_usage\":true");
    }

    [Fact]
    public void Pieces_MoreTokensThanWords_CycleTheWordsWithLeadingSpaces()
    {
        // Arrange, Act
        var pieces = CannedAnswer.Pieces(45);

        // Assert: the sentence has 41 words (counted by hand), so piece 41 starts it again.
        pieces[0].Should().Be("The");
        pieces[1].Should().Be(" energy");
        pieces[40].Should().Be(" machine");
        pieces[41].Should().Be(" The");
        pieces.Should().HaveCount(45);
    }
}

using System.Text;
using BenchmarkDotNet.Attributes;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// Request overhead (issue 13): what the harness adds to one request beyond a bare HTTP call, against the same local server
/// answering at once (<see cref="InstantServer"/>: Kestrel on loopback, prebuilt bytes, no generation delay), per server client
/// and answer size (16 output tokens, and 1024).
/// <list type="bullet">
/// <item><see cref="Bare"/> (baseline): <see cref="BarePath"/>, a POST of the same request bytes with one <see cref="HttpClient"/> and
/// the answer read as a string: nothing parsed, timed or recorded.</item>
/// <item><see cref="Harness"/>: <see cref="HarnessPath"/>, the product's case path without the meter: the unmeasured record, the
/// request at the unit's point, the client's <c>CompleteAsync</c> (request body, POST, SSE or JSON parsing, every chunk stamped on the
/// session clock, usage and llama-server timings, TTFT/ITL, words and characters), the record with its completion and rates, and
/// its line appended and flushed to <c>cases.jsonl</c> (a temp folder).</item>
/// </list>
/// The server's own cost is in both and cancels in the difference, which the Overhead columns show (harness mean minus the bare
/// mean of the same server and size, in ms and as a % of a 50 ms request).
/// </summary>
[Goal("The harness's case path (request, response parsing, timing, record) adds under 0.5 ms and under 1% of a 50 ms request beyond a bare HttpClient POST and read of the same body, for a 16-token and a 1024-token answer.")]
[OverheadColumns(referenceMs: 50)]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RequestOverheadBenchmarks
{
    /// <summary>A prompt of about <see cref="CannedAnswer.PromptTokens"/> tokens, like the study's instructions.</summary>
    public const string Prompt = "Explain in plain words why the energy a language model uses for one answer grows with the number of tokens it writes, " +
                                 "and give two ways a user could make a local model answer the same question with less energy.";

    private InstantServer? _server;
    private BarePath? _bare;
    private HarnessPath? _harness;
    private string? _results;

    /// <summary>Which server's client (<see cref="RequestServers"/>).</summary>
    [Params(RequestServers.LlamaServer, RequestServers.Gpt4All)]
    public string Server { get; set; } = RequestServers.LlamaServer;

    /// <summary>Output tokens in the answer (its size).</summary>
    [Params(16, 1024)]
    public int Tokens { get; set; } = 16;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var answer = RequestServers.Answer(Server, Tokens);
        _server = await InstantServer.StartAsync(answer).ConfigureAwait(false);
        _results = Path.Combine(Path.GetTempPath(), "slmbench-requests-" + Guid.NewGuid().ToString("N"));
        _harness = new HarnessPath(Server, _server.BaseUrl, Prompt, Tokens, _results);
        _bare = new BarePath(_server.BaseUrl + "/v1/completions", RequestServers.RequestBody(Server, _harness.Request, _harness.Options.Backend));

        // Both paths must read the whole answer, or the comparison is void: the bare one its bytes, the harness every token.
        var read = await _bare.RunAsync().ConfigureAwait(false);
        var record = await _harness.RunAsync().ConfigureAwait(false);
        if (read != Encoding.UTF8.GetString(answer.Bytes))
            throw new InvalidOperationException($"The bare path read {read.Length} characters, not the {answer.Bytes.Length}-byte answer {Server} gave.");
        if (record.Completion?.Text != answer.Text || record.Completion.CompletionTokens != Tokens)
            throw new InvalidOperationException($"The harness read {record.Completion?.CompletionTokens} tokens ('{record.Completion?.Text[..Math.Min(40, record.Completion.Text.Length)]}...') of {Server}'s {Tokens}-token answer.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _harness?.Dispose();
        _bare?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
        if (_results is not null && Directory.Exists(_results))
            Directory.Delete(_results, recursive: true);
    }

    /// <summary>The bare minimum: POST the request's bytes, read the answer as a string.</summary>
    [Benchmark(Baseline = true)]
    public Task<string> Bare() => _bare!.RunAsync();

    /// <summary>The harness's case path for the same request (see the class's summary for what is inside).</summary>
    [Benchmark]
    public Task<CaseRecord> Harness() => _harness!.RunAsync();
}

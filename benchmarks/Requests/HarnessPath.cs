using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Benchmarks.Requests;

/// <summary>
/// What a measured case costs the harness around one request, without the meter: the product's own code from the unmeasured
/// record to the line in <c>cases.jsonl</c>. Per <see cref="RunAsync"/>: <see cref="UnitRouting.Unmeasured"/> (the record
/// before the request, as the session makes it), <see cref="UnitRouting.BackendOf(string)"/> and
/// <see cref="UnitRouting.Request"/> (the request at the unit's point, as <c>CaseMeasurer</c> asks), the client's
/// <see cref="ICompletionBackend.CompleteAsync"/> (request body, POST, reading and parsing the answer, stamping the start, each
/// chunk and the end on the <see cref="SessionClock"/>, usage, llama-server's timings, TTFT/ITL, words and characters),
/// <c>CaseMeasurer.Answered</c> (the record with the completion and its rates) and <see cref="ResultsWriter.AppendCase"/>
/// (serialised and appended, flushed, to <c>cases.jsonl</c> in a temp folder).
/// Left out: the meter's window, the validation and phases that need it, the harness's CPU readings at the request's edges
/// (other groups: Meters), and <c>run.json</c>'s rewrite.
/// </summary>
public sealed class HarnessPath : IDisposable
{
    private readonly ICompletionBackend _backend;
    private readonly UnitRouting _routing;
    private readonly ResultsWriter _writer;
    private readonly Prompt _prompt;

    /// <param name="server">One of <see cref="RequestServers"/>.</param>
    /// <param name="baseUrl">The server's root (no <c>/v1</c>).</param>
    /// <param name="prompt">The prompt's text.</param>
    /// <param name="maxTokens">The request's <c>max_tokens</c>.</param>
    /// <param name="resultsRoot">Where the run's folder (with <c>cases.jsonl</c>) is made.</param>
    public HarnessPath(string server, string baseUrl, string prompt, int maxTokens, string resultsRoot)
    {
        var options = new BenchOptions
        {
            Profile = "requests-benchmark",
            Backend = RequestServers.Backend(server, baseUrl),
            Models = [RequestServers.Model(server)],
            Generation = { MaxTokens = maxTokens },
        };
        Options = options;
        _backend = RequestServers.Client(server, options.Backend, new SessionClock());
        _routing = new UnitRouting(options, [new RuntimeBackend(null, _backend, server, Simulated: false)]);
        _writer = ResultsWriter.Create(resultsRoot, options.Profile, DateTimeOffset.UtcNow);
        _prompt = new Prompt(0, 0, prompt);
    }

    /// <summary>The run's configuration the path was built from (its backend section and generation settings).</summary>
    public BenchOptions Options { get; }

    /// <summary>The request the path sends (the unit's point: <c>Generation</c>'s max tokens, temperature and seed).</summary>
    public CompletionRequest Request => _routing.Request(Model, Model, _prompt.Text);

    /// <summary>The <c>cases.jsonl</c> the records go to.</summary>
    public string CasesFile => Path.Combine(_writer.Directory, "cases.jsonl");

    private string Model => Options.Models[0];

    /// <summary>One case: the request, its answer read and timed, the record made and appended to <see cref="CasesFile"/>.</summary>
    /// <exception cref="BackendException">The server's answer was refused (it never is by <see cref="InstantServer"/>'s answers).</exception>
    public async Task<CaseRecord> RunAsync(CancellationToken cancellationToken = default)
    {
        var unmeasured = _routing.Unmeasured(_writer.RunId, Model, _prompt);
        var (backend, served) = _routing.BackendOf(unmeasured.Unit);
        var completion = await backend.CompleteAsync(_routing.Request(unmeasured.Unit, served, unmeasured.PromptText), cancellationToken).ConfigureAwait(false);
        var record = CaseMeasurer.Answered(unmeasured, completion, harness: null);
        _writer.AppendCase(record);
        return record;
    }

    public void Dispose()
    {
        _writer.Dispose();
        (_backend as IDisposable)?.Dispose();
    }
}

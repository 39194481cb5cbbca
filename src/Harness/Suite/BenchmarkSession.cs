using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One benchmark run: the backend client, ONE meter session for the whole run, the prompts and the
/// results writer. Cases run one at a time; each model is warmed up before its first measured case;
/// every case, valid or not, is recorded before it is judged.
/// </summary>
public sealed class BenchmarkSession : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<string, Task> _warmups = new(StringComparer.Ordinal);
    private readonly ICompletionBackend? _backend;
    private readonly IPowerMeter? _meter;
    private readonly IReadOnlyList<IDisposable> _owned;
    private readonly RunManifest? _manifest;
    private int _passed;
    private int _failed;

    private BenchmarkSession(LoadedConfiguration config, SessionClock clock, string header, string? skipReason, string? fatalError,
        ICompletionBackend? backend, IPowerMeter? meter, PromptSet? prompts, ResultsWriter? results, RunManifest? manifest, IReadOnlyList<IDisposable> owned)
    {
        Config = config;
        Clock = clock;
        Header = header;
        SkipReason = skipReason;
        FatalError = fatalError;
        _backend = backend;
        _meter = meter;
        Prompts = prompts;
        Results = results;
        _manifest = manifest;
        _owned = owned;
    }

    public LoadedConfiguration Config { get; }

    public SessionClock Clock { get; }

    /// <summary>The first line of test output: what runs, where, measured how, and why it was chosen.</summary>
    public string Header { get; }

    /// <summary>Set when the configured backend or meter is not available here: what to start or configure.</summary>
    public string? SkipReason { get; }

    /// <summary>Set when the run could not start although its parts are available (bad prompts file, meter died...).</summary>
    public string? FatalError { get; }

    public PromptSet? Prompts { get; }

    public ResultsWriter? Results { get; }

    /// <summary>Opens a session with the real parts the configuration names (fakes included for profile <c>fake</c>).</summary>
    public static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, CancellationToken cancellationToken)
    {
        var clock = new SessionClock();
        var parts = SessionParts.Create(config, clock);
        return await OpenAsync(config, clock, parts.Backend, parts.CreateMeter, parts.Owned, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a session with given parts (tests pass a scripted meter). <paramref name="createMeter"/> receives the run folder.</summary>
    internal static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, SessionClock clock, ICompletionBackend backend,
        Func<string?, IPowerMeter> createMeter, IReadOnlyList<IDisposable> owned, CancellationToken cancellationToken)
    {
        var o = config.Options;
        var skip = await CheckPartsAsync(config, backend, createMeter, cancellationToken).ConfigureAwait(false);
        if (skip is not null)
            return new BenchmarkSession(config, clock, $"SlmEnergyBench: profile '{o.Profile}' ({config.ProfileChosenBy}) cannot run here.", skip, null, null, null, null, null, null, owned);

        PromptSet prompts;
        try
        {
            prompts = await new AlpacaLoader(o.Prompts, config.RepositoryRoot).LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PromptLoadException e)
        {
            return new BenchmarkSession(config, clock, $"SlmEnergyBench: profile '{o.Profile}': prompts could not be loaded.", null, e.Message, null, null, null, null, null, owned);
        }

        var results = ResultsWriter.Create(config.Resolve(o.Results.Directory), o.Profile, clock.OriginUtc);
        var meter = createMeter(results.Directory);
        var manifest = new RunManifest
        {
            RunId = results.RunId,
            Profile = o.Profile,
            ProfileChosenBy = config.ProfileChosenBy,
            Overrides = config.Overrides,
            Configuration = o,
            Machine = MachineInfo.Collect(),
            Backend = new BackendInfo(BackendLabel(o, backend), backend.Location, o.Backend.Endpoint, "available"),
            Meter = meter.Provenance,
            Prompts = new PromptSource(prompts.Source, prompts.Sha256, prompts.DatasetItems, o.Prompts.Selection, prompts.Prompts.Count),
            StartedUtc = clock.OriginUtc,
            Status = "running",
        };
        var header = Describe(config, backend, meter.Provenance, prompts, results);
        string? fatal = null;
        try
        {
            await meter.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            fatal = e.Message;
            manifest = manifest with { Status = "failed: " + e.Message, EndedUtc = clock.TimeProvider.GetUtcNow() };
        }

        results.WriteManifest(manifest);
        return new BenchmarkSession(config, clock, header, null, fatal, backend, meter, prompts, results, manifest, owned);
    }

    /// <summary>
    /// Runs one measured case: warm-up if this is the model's first, the request, the window's energy.
    /// The record is written before it is returned; the caller asserts <see cref="CaseRecord.Problems"/> is empty.
    /// Backend and meter failures are recorded as failed cases, then rethrown.
    /// </summary>
    public async Task<CaseRecord> RunCaseAsync(string model, int ordinal, CancellationToken cancellationToken)
    {
        if (SkipReason is not null || FatalError is not null || _backend is null || _meter is null || Prompts is null || Results is null)
            throw new InvalidOperationException(SkipReason ?? FatalError ?? "the session is not open");
        if (ordinal < 0 || ordinal >= Prompts.Prompts.Count)
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal,
                $"the run has {Prompts.Prompts.Count} prompts (Prompts:Count); prompt {ordinal + 1} does not exist");

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var prompt = Prompts.Prompts[ordinal];
            try
            {
                await WarmUpAsync(model, cancellationToken).ConfigureAwait(false);
            }
            catch (BackendException e)
            {
                Results.AppendCase(Unmeasured(model, prompt) with { Problems = [e.Message] });
                _failed++;
                throw;
            }

            var record = await MeasureAsync(model, prompt, cancellationToken).ConfigureAwait(false);
            Results.AppendCase(record);
            Results.AppendSamples(_meter.Samples);
            if (record.Outcome == "passed")
                _passed++;
            else
                _failed++;
            return record;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<CaseRecord> MeasureAsync(string model, Prompt prompt, CancellationToken cancellationToken)
    {
        var g = Config.Options.Generation;
        var record = Unmeasured(model, prompt);

        CompletionResult completion;
        try
        {
            completion = await _backend!.CompleteAsync(new CompletionRequest(model, prompt.Text, g.MaxTokens, g.Temperature, g.TopP), cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException e)
        {
            Results!.AppendCase(record with { Problems = [e.Message] });
            _failed++;
            throw;
        }

        record = record with
        {
            Completion = completion,
            TokensPerSecond = completion.CompletionTokens / completion.WallSeconds,
            WordsPerSecond = completion.WordCount / completion.WallSeconds,
        };

        WindowEnergy window;
        try
        {
            window = await _meter!.MeasureAsync(completion.StartS, completion.EndS, cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            Results!.AppendCase(record with { Problems = [e.Message] });
            _failed++;
            throw;
        }

        var problems = CaseValidator.Check(completion, window, Config.Options.Meter);
        return record with
        {
            Energy = new CaseEnergy(_meter.Provenance, window),
            Problems = problems,
            Outcome = problems.Count == 0 ? "passed" : "failed",
        };
    }

    private CaseRecord Unmeasured(string model, Prompt prompt) => new()
    {
        RunId = Results!.RunId,
        Model = model,
        PromptOrdinal = prompt.Ordinal,
        PromptDatasetIndex = prompt.DatasetIndex,
        PromptText = prompt.Text,
        Outcome = "failed",
    };

    private Task WarmUpAsync(string model, CancellationToken cancellationToken)
    {
        if (!_warmups.TryGetValue(model, out var warmup))
        {
            warmup = WarmUpCoreAsync(model, cancellationToken);
            _warmups[model] = warmup;
        }

        return warmup;
    }

    private async Task WarmUpCoreAsync(string model, CancellationToken cancellationToken)
    {
        var g = Config.Options.Generation;
        var text = Prompts!.Prompts[0].Text;
        for (var i = 0; i < Config.Options.Protocol.WarmupRequests; i++)
        {
            try
            {
                await _backend!.CompleteAsync(new CompletionRequest(model, text, g.MaxTokens, g.Temperature, g.TopP), cancellationToken).ConfigureAwait(false);
            }
            catch (BackendException e)
            {
                throw new BackendException($"warm-up request {i + 1} of '{model}' failed, so none of its cases can be measured: {e.Message}", e);
            }
        }
    }

    private static async Task<string?> CheckPartsAsync(LoadedConfiguration config, ICompletionBackend backend,
        Func<string?, IPowerMeter> createMeter, CancellationToken cancellationToken)
    {
        var o = config.Options;
        var backendCheck = await backend.CheckAsync(o.Models, cancellationToken).ConfigureAwait(false);
        Availability meterCheck;
        await using (var probe = createMeter(null))
            meterCheck = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);

        if (backendCheck.IsAvailable && meterCheck.IsAvailable)
            return null;

        var reasons = new List<string>();
        if (!backendCheck.IsAvailable)
            reasons.Add("Backend: " + backendCheck.Reason);
        if (!meterCheck.IsAvailable)
            reasons.Add("Meter: " + meterCheck.Reason);
        return $"Profile '{o.Profile}' ({config.ProfileChosenBy}) cannot run here. " + string.Join(" ", reasons) +
               " To run the suite against fake backends instead: ENERGYBENCH_PROFILE=fake dotnet test --filter Category=Energy";
    }

    private static string Describe(LoadedConfiguration config, ICompletionBackend backend, EnergyProvenance meter, PromptSet prompts, ResultsWriter results)
    {
        var o = config.Options;
        return $"SlmEnergyBench run {results.RunId}: profile '{o.Profile}' ({config.ProfileChosenBy}); " +
               $"backend {BackendLabel(o, backend)} at {backend.Location} ({o.Backend.Endpoint}); " +
               $"meter {meter.Meter}, {meter.Method.ToString().ToLowerInvariant()}, domains {string.Join("+", meter.Domains)}; " +
               $"{prompts.Prompts.Count} prompts per model from {prompts.Source} (sha256 {prompts.Sha256[..Math.Min(12, prompts.Sha256.Length)]}); " +
               $"results in {results.Directory}";
    }

    private static string BackendLabel(BenchOptions o, ICompletionBackend backend) =>
        o.Backend.Kind == BackendKinds.FakeGpt4All ? "fake GPT4All (in-process WireMock server)" : backend.Name;

    public async ValueTask DisposeAsync()
    {
        if (Results is not null && _manifest is not null)
        {
            if (_meter is not null)
                Results.AppendSamples(_meter.Samples);
            var status = FatalError is null ? "completed" : _manifest.Status;
            Results.WriteManifest(_manifest with { Status = status, EndedUtc = Clock.TimeProvider.GetUtcNow(), CasesPassed = _passed, CasesFailed = _failed });
            Results.Dispose();
        }

        if (_meter is not null)
            await _meter.DisposeAsync().ConfigureAwait(false);
        foreach (var owned in _owned)
            owned.Dispose();
        _oneAtATime.Dispose();
    }
}

using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One benchmark run: the backend client, ONE meter session for the whole run, the prompts and the
/// results writer. Cases run one at a time; each model is warmed up before its first measured case;
/// every case, valid or not, is recorded before it is judged.
/// </summary>
public sealed partial class BenchmarkSession : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IReadOnlyDictionary<string, string> _modelProblems;
    private readonly Dictionary<string, ModelSummary> _summaries = new(StringComparer.Ordinal);
    private readonly UnitRouting _routing;
    private readonly UnitBaselines? _baselines;
    private readonly UnitWarmups? _warmups;
    private readonly CaseMeasurer? _measurer;
    private readonly IReadOnlyList<RuntimeBackend> _backends;
    private readonly IPowerMeter? _meter;
    private readonly IReadOnlyList<IDisposable> _owned;
    private readonly RunManifest? _manifest;
    private readonly RunState? _state;
    private readonly RunLock? _lock;
    private readonly double _segmentStartS;
    private readonly Lock _manifestGate = new();
    private int _interrupted;
    private readonly HarnessWatch? _watch;
    private bool _cancelled;
    private bool _finished;

    private BenchmarkSession(LoadedConfiguration config, SessionClock clock, string header, string? skipReason, string? fatalError,
        IReadOnlyList<RuntimeBackend>? backends, IPowerMeter? meter, PromptSet? prompts, ResultsWriter? results, RunManifest? manifest, IReadOnlyList<IDisposable> owned,
        IReadOnlyDictionary<string, string>? modelProblems = null, RunState? state = null, RunLock? runLock = null, HarnessWatch? watch = null)
    {
        _watch = watch;
        _modelProblems = modelProblems ?? new Dictionary<string, string>();
        Config = config;
        Clock = clock;
        Header = header;
        SkipReason = skipReason;
        FatalError = fatalError;
        _backends = backends ?? [];
        _meter = meter;
        Prompts = prompts;
        Results = results;
        _manifest = manifest;
        _owned = owned;
        _state = state;
        _lock = runLock;
        _segmentStartS = clock.Now;
        _routing = new UnitRouting(config.Options, _backends);
        if (manifest is not null)
            _baselines = new UnitBaselines(config, manifest.Machine);
        if (meter is not null && state is not null)
        {
            _warmups = new UnitWarmups(_routing, meter, clock, config.Options, state, watch, Warn, PauseS);
            _measurer = new CaseMeasurer(_routing, meter, clock, config.Options, state, watch, PauseS);
        }
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

    /// <summary>The backend of each runtime (one, with a null runtime, in a run of one runtime); empty when the session did not open.</summary>
    public IReadOnlyList<RuntimeBackend> Runtimes => _backends;

    public ResultsWriter? Results { get; }

    /// <summary>Hears every finished case and every warning as the run goes (progress lines, a live display); null hears nothing.</summary>
    public IRunObserver? Observer { get; set; }

    /// <summary>This run's segment: 1, or the number of this resumption plus 1.</summary>
    public int Segment => _state?.Segment ?? 1;

    /// <summary>Rewrites run.json with the run as it stands and <paramref name="status"/>; never throws (a disk problem becomes a warning).</summary>
    private void WriteState(string status, bool ended, Func<RunManifest, RunManifest>? amend = null)
    {
        if (_state is null || Results is null)
            return;
        lock (_manifestGate)
        {
            try
            {
                Results.WriteManifest(_state.Manifest(status, ended, Clock.TimeProvider.GetUtcNow(), CasePlan.Count(Config.Options), amend));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Observer?.Warn($"run.json in {Results.Directory} could not be rewritten ({e.Message}); the case records in cases.jsonl are unaffected. Free disk space or fix the folder's permissions.");
            }
        }
    }

    /// <summary>
    /// The idle pause before each request and idle window, seconds: <c>Protocol:PauseMs</c>, but never shorter than two
    /// meter intervals, so the sample straddling a request's start holds no energy of the previous request and its part
    /// outside the window really is idle (what <see cref="EdgeAttribution"/> charges it at).
    /// </summary>
    internal double PauseS => Math.Max(Config.Options.Protocol.PauseMs, 2.0 * Config.Options.Meter.IntervalMs) / 1000.0;

    /// <summary>
    /// Runs one measured case of unit <c>model</c> (a model, or <c>runtime / model</c> in a multi-runtime run:
    /// <see cref="RunUnit.Label"/>): warm-up if this is the unit's first, an idle pause, the request, the window's energy. Always returns the record it wrote, valid or not: a failure (backend, meter, validation) is in
    /// <see cref="CaseRecord.Problems"/> and never affects other cases. The caller asserts there are none.
    /// </summary>
    public Task<CaseRecord> RunCaseAsync(string model, int ordinal, CancellationToken cancellationToken) =>
        RunCaseAsync(model, ordinal, 1, cancellationToken);

    /// <summary>As <see cref="RunCaseAsync(string, int, CancellationToken)"/>, for repetition <paramref name="repetition"/> (1-based) of the case.</summary>
    public async Task<CaseRecord> RunCaseAsync(string model, int ordinal, int repetition, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        if (ordinal < 0 || ordinal >= Prompts.Prompts.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal,
                $"the run has {Prompts.Prompts.Count} prompts (Prompts:Count); prompt {ordinal + 1} does not exist");
        }

        // Cancelled between two cases: the run is cancelled too (run.json says so), not completed with fewer cases.
        _cancelled |= cancellationToken.IsCancellationRequested;
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFinished();
            var prompt = Prompts!.Prompts[ordinal];
            _watch?.WarnAtStart(Observer);
            if (_state!.KeptRecord(new CaseKey(model, ordinal, repetition)) is { } kept)
            {
                Report(kept, kept: true);
                return kept;
            }

            CaseRecord record;
            try
            {
                record = await RunAsync(model, prompt, repetition, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _cancelled = true;
                Record(_routing.Unmeasured(Results!.RunId, model, prompt) with { Repetition = repetition, Outcome = "cancelled", Problems = ["the test run was cancelled during this case"] });
                throw;
            }

            Record(record);
            return record;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Prompts), nameof(Results), nameof(_meter))]
    private void ThrowIfNotOpen()
    {
        if (SkipReason is not null || FatalError is not null || _backends.Count == 0 || _meter is null || Prompts is null || Results is null)
            throw new InvalidOperationException(SkipReason ?? FatalError ?? "the session is not open");
    }

    private void ThrowIfFinished()
    {
        if (_finished)
            throw new InvalidOperationException($"the run's files in {Results!.Directory} are already finished: a case after the report cannot be recorded. Run the tests again.");
        Results!.ThrowIfBroken();
    }

    private async Task<CaseRecord> RunAsync(string model, Prompt prompt, int repetition, CancellationToken cancellationToken)
    {
        var unmeasured = _routing.Unmeasured(Results!.RunId, model, prompt) with { Repetition = repetition };
        if (await PrepareUnitAsync(model, cancellationToken).ConfigureAwait(false) is { } problem)
            return unmeasured with { Problems = [problem] };
        return await _measurer!.MeasureAsync(unmeasured, _warmups!.IdleOf(model), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Before a unit's measured request or point: why it cannot run (not a unit of this profile, its runtime lacks its model, its
    /// warm-up failed), else null after the warm-up (the unit's first time) and the idle pause.
    /// </summary>
    private async Task<string?> PrepareUnitAsync(string label, CancellationToken cancellationToken)
    {
        if (RunUnits.Find(Config.Options, label) is null)
        {
            return $"'{label}' is not a {(Config.Options.Runtimes.Count == 0 ? "model" : "runtime / model")} of profile '{Config.Options.Profile}' ({Config.ProfileChosenBy}), which runs {string.Join(", ", RunUnits.Of(Config.Options))}: " +
                   "the cases were discovered under another choice (profile auto decides again at run time). Run the tests again to list the right cases.";
        }

        if (_modelProblems.TryGetValue(_routing.UnitOf(label).WithoutPoint.Label, out var modelProblem))
            return modelProblem;
        try
        {
            await _warmups!.WarmUpAsync(label, cancellationToken).ConfigureAwait(false);
        }
        catch (BackendException e)
        {
            return e.Message;
        }

        await Clock.DelayAsync(PauseS, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private void Record(CaseRecord record)
    {
        // After Interrupt the files are closed and the process is ending: the case in progress gets no record, so a
        // resumption measures it.
        if (Volatile.Read(ref _interrupted) == 1)
            return;
        record = record with { Segment = Segment };
        Results!.AppendCase(record);
        Results.AppendSamples(_meter!.SamplesFrom);
        _state!.Add(record);
        WriteState("running", ended: false);
        Report(record, kept: false);
    }

    /// <summary>Tells the observer where the run stands after <paramref name="record"/>.</summary>
    private void Report(CaseRecord record, bool kept)
    {
        if (Observer is null)
            return;
        var total = CasePlan.Count(Config.Options);
        var done = _state!.Done;
        var measured = _state.MeasuredThisSegment;
        var elapsed = Clock.Now - _segmentStartS;
        double? eta = measured > 0 ? Math.Max(0, total - done) * elapsed / measured : null;
        Observer.CaseFinished(new CaseProgress(record, kept, done, total, _state.Failed, elapsed, eta));
    }

    /// <summary>
    /// After a model's cases: its summary (into <c>summary.json</c>), its per-prompt energy and latency against this
    /// machine and profile's baseline, and, with <c>ENERGYBENCH_ACCEPT_BASELINE=1</c>, this run as the new baseline.
    /// </summary>
    public async Task<ModelReport> CompleteModelAsync(string model, CancellationToken cancellationToken)
    {
        if (Results is null || _manifest is null)
            throw new InvalidOperationException(SkipReason ?? FatalError ?? "the session is not open");
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cases = _state!.Records.Where(r => r.Unit == model).ToList();
            if (cases.Count(c => c.Outcome == "passed") == 0)
                throw new InvalidOperationException($"no passed case of '{model}' to summarize: see the failed cases above.");
            var summary = ModelSummaries.Of(model, cases);
            _summaries[model] = summary;
            SummaryWriter.Write(Results.Directory, new RunSummary(Results.RunId,
                [.. RunUnits.Of(Config.Options).Select(u => u.Label).Where(_summaries.ContainsKey).Select(u => _summaries[u])]));

            var (baseline, missing) = _baselines!.Of(model);
            var (energy, latency) = BaselineComparison.Compare(baseline, missing, cases, Config.Options.Regression, Config.Options.Profile, _meter!.Provenance);
            var path = _baselines.PathOf(model);
            if (Config.Options.Regression.Accept)
            {
                BaselineStore.Save(path, BaselineStore.From(BaselineStore.MachineKey(_manifest.Machine), Config.Options.Profile, model,
                    _routing.RuntimeOf(model)?.Label ?? SessionText.BackendLabel(_backends), _meter!.Provenance, Results.RunId, Clock.TimeProvider.GetUtcNow(), cases));
                _baselines.Forget(model);
            }

            return new ModelReport(summary, energy, latency, path, Config.Options.Regression.Accept);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The case against its own prompt's baseline point, with the wide <c>Regression:CaseTolerance</c>; null when fine or without a baseline.</summary>
    public string? CheckAgainstBaseline(CaseRecord record) =>
        BaselineComparison.CheckCase(_baselines?.Of(record.Unit).Baseline, record, Config.Options.Regression, Config.Options.Meter.IntervalMs / 1000.0);

    /// <summary>
    /// Ends the run's files: the idle measurement after the last case, the remaining meter samples, the final
    /// <c>run.json</c> (status, end time, counts, idle, segments). Once only; later calls and <see cref="DisposeAsync"/> do
    /// nothing more. The report is made from the folder after this (see <see cref="Reports.RunReport"/>).
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_finished || Results is null || _manifest is null || Volatile.Read(ref _interrupted) == 1)
                return;
            _finished = true;
            if (_meter is not null && FatalError is null && !_cancelled && _state!.MeasuredThisSegment > 0 && Config.Options.Protocol.IdleSeconds > 0)
                await _warmups!.MeasureIdleAsync("after the last case", CancellationToken.None).ConfigureAwait(false);
            if (_meter is not null)
                Results.AppendSamples(_meter.SamplesFrom);
            if (await PromptsChangedAsync().ConfigureAwait(false) is { } changed)
                Warn(changed);
            if (_watch is not null)
                await _watch.FinishAsync(_state!.Records, Config.Options, _meter, Observer, CancellationToken.None).ConfigureAwait(false);
            WriteState(FinalStatus(), ended: true, m => m with
            {
                MachineState = _watch?.MachineState ?? m.MachineState,
                HarnessCost = _watch?.Cost,
                ModelFiles = _backends.Select(b => b.Backend).OfType<LlamaSharpBackend>().FirstOrDefault()?.ModelFiles ?? m.ModelFiles,
                Meter = _meter?.Provenance is { } provenance ? provenance with { EdgeRule = SessionText.RunEdgeRule(Config.Options) } : m.Meter,
            });
            Results.Dispose();
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// The run's status at its end: <c>failed: why</c> when it could not start, <c>cancelled</c>, <c>completed</c> when every
    /// planned case passed, else <c>completed with failures</c> or <c>completed in part</c> saying how many cases failed or never ran.
    /// </summary>
    private string FinalStatus()
    {
        if (FatalError is not null)
            return "failed: " + FatalError;
        if (Results?.WriteFailure is { } writeFailure)
            return "failed: " + writeFailure;
        var planned = CasePlan.Count(Config.Options);
        var done = _state!.Done;
        if (_cancelled)
            return $"cancelled: the test run was cancelled after {done} of {planned} cases";
        var failed = _state.Failed;
        var parts = new List<string>();
        if (failed > 0)
            parts.Add($"{failed} of {done} cases failed");
        if (done < planned)
            parts.Add($"{planned - done} of {planned} planned cases never ran (a test filter chose the others, or they were not reached)");
        return parts.Count == 0 ? "completed" : (failed > 0 ? "completed with failures: " : "completed in part: ") + string.Join("; ", parts);
    }

    /// <summary>A warning when the prompts file's SHA-256 is not what the run loaded at its start; null when unchanged or unreadable.</summary>
    private async Task<string?> PromptsChangedAsync()
    {
        var source = Config.Options.Prompts.Source;
        if (Prompts is null || Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile || !File.Exists(Config.Resolve(source)))
            return null;
        try
        {
            var now = await FileSha256.OfFileAsync(Config.Resolve(source), CancellationToken.None).ConfigureAwait(false);
            return string.Equals(now, Prompts!.Sha256, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"The prompts file {Prompts.Source} changed while the run went (SHA-256 now {now[..12]}, at the start {Prompts.Sha256[..12]}): " +
                  "the run measured the prompts as they were at its start (each case record holds its prompt's text), but it cannot be resumed with the changed file.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Tells the observer and records in run.json something the user must know.</summary>
    private void Warn(string warning)
    {
        _state?.Warn(warning);
        Observer?.Warn(warning);
    }

    /// <summary>
    /// Records that the run stops now, from any thread, without waiting for the case in progress: writes run.json with
    /// <paramref name="status"/> (e.g. <c>interrupted: the test runner's process dotnet (1234) ended</c> or
    /// <c>cancelled: Ctrl-C (SIGINT)</c>), flushes the meter samples read so far, stops the meter (its process with it) and
    /// releases the machine lock. The caller then ends the process; the case in progress has no record, so a resumption
    /// measures it. Once only; returns false when the run had already finished or been interrupted.
    /// </summary>
    public bool Interrupt(string status)
    {
        if (Results is null || _state is null || _finished || Interlocked.Exchange(ref _interrupted, 1) == 1)
            return false;
        WriteState(status, ended: true);
        try
        {
            if (_meter is not null)
                Results.AppendSamples(_meter.SamplesFrom);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The samples already written stay; the meter's last ones are lost with the process.
        }

        _meter?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        Results.Dispose();
        _lock?.Dispose();
        return true;
    }

    /// <summary>The harness's own cost over the run in one line (<see cref="Overhead.HarnessCostText.Line"/>), once <see cref="FinishAsync"/> has measured it; else null.</summary>
    public string? HarnessCostLine => _watch?.Cost is { } cost ? Overhead.HarnessCostText.Line(cost) : null;

    /// <summary>The machine's state at the start in one line (<see cref="Machine.MachineStateText.Line"/>); null when the session did not open.</summary>
    public string? MachineStateLine => _watch?.MachineState is { } state ? Machine.MachineStateText.Line(state) : null;

    /// <summary>True once <see cref="FinishAsync"/> has written the run's final files.</summary>
    public bool IsFinished => _finished;

    public async ValueTask DisposeAsync()
    {
        await FinishAsync(CancellationToken.None).ConfigureAwait(false);
        if (_meter is not null)
            await _meter.DisposeAsync().ConfigureAwait(false);
        foreach (var owned in _owned)
            owned.Dispose();
        _lock?.Dispose();
        _oneAtATime.Dispose();
    }
}

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
    private readonly Dictionary<string, Task> _warmups = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _modelProblems;
    private readonly Dictionary<string, IdleMeasurement> _idleByModel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelSummary> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Baseline? Baseline, string? Missing)> _baselines = new(StringComparer.Ordinal);
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

    /// <summary>Opens a session with the real parts the configuration names (fakes included for profile <c>fake</c>).</summary>
    public static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, CancellationToken cancellationToken)
    {
        var clock = new SessionClock();
        var parts = SessionParts.Create(config, clock);
        return await OpenAsync(config, clock, parts.Backends, parts.CreateMeter, parts.Owned, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As the overload with runtimes, for a run of one runtime whose backend is <paramref name="backend"/> (tests).</summary>
    internal static Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, SessionClock clock, ICompletionBackend backend,
        Func<string?, CancellationToken, Task<MeterChoice>> createMeter, IReadOnlyList<IDisposable> owned, CancellationToken cancellationToken,
        Func<string, Stream>? openResultsFile = null) =>
        OpenAsync(config, clock, [new RuntimeBackend(null, backend, SingleLabel(config.Options, backend), BackendKinds.IsFake(config.Options.Backend.Kind))],
            createMeter, owned, cancellationToken, openResultsFile);

    /// <summary>
    /// Opens a session with given parts (tests pass a scripted meter). <paramref name="createMeter"/> receives the run folder;
    /// <paramref name="openResultsFile"/> opens the run's appended files (tests pass a disk that fills up).
    /// </summary>
    internal static async Task<BenchmarkSession> OpenAsync(LoadedConfiguration config, SessionClock clock, IReadOnlyList<RuntimeBackend> backends,
        Func<string?, CancellationToken, Task<MeterChoice>> createMeter, IReadOnlyList<IDisposable> owned, CancellationToken cancellationToken,
        Func<string, Stream>? openResultsFile = null)
    {
        var o = config.Options;
        var skip = await CheckPartsAsync(config, backends, createMeter, cancellationToken).ConfigureAwait(false);
        if (skip is not null)
            return Unopened(config, clock, skip, null, owned);
        if (Environment.IsPrivilegedProcess && o.Meter.Kind is MeterKinds.Powermetrics or MeterKinds.Auto && !backends.Any(b => b.Simulated)
            && OperatingSystem.IsMacOS())
            return Unopened(config, clock, null, RootRefusal, owned);

        var units = RunUnits.Of(o);
        var modelProblems = await CheckModelsAsync(backends, o, cancellationToken).ConfigureAwait(false);
        if (modelProblems.Count == units.Count)
        {
            // Nothing to run here at all: skip with what to install or configure (one missing model among others fails its own cases).
            return Unopened(config, clock, $"Profile '{o.Profile}' ({config.ProfileChosenBy}) has none of its models here: " +
                string.Join(" ", modelProblems.Values.Distinct(StringComparer.Ordinal)), null, owned);
        }

        var runtimeSettings = await RuntimeSettings.ReadAsync(backends, o, modelProblems, cancellationToken).ConfigureAwait(false);
        PromptSet prompts;
        try
        {
            prompts = await new AlpacaLoader(o.Prompts, config.RepositoryRoot).LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PromptLoadException e)
        {
            return Unopened(config, clock, null, e.Message, owned);
        }

        // One run per machine: a second run at once would measure the first one's work (and it would measure ours).
        var lockPath = string.IsNullOrWhiteSpace(o.Results.MachineLock) ? RunLock.DefaultPath : config.Resolve(o.Results.MachineLock);
        PriorRun? prior = null;
        if (o.Results.Resume is { } resume)
        {
            try
            {
                prior = PriorRun.Find(config.Resolve(o.Results.Directory), resume, lockPath);
            }
            catch (ResumeException e)
            {
                return Unopened(config, clock, null, e.Message, owned);
            }

            var differences = ResumeCheck.Differences(prior.Manifest, o, prompts.Sha256, BackendLabel(backends), MachineInfo.Collect());
            if (differences.Count > 0)
            {
                return Unopened(config, clock, null, $"Run {prior.Manifest.RunId} cannot be resumed here: {string.Join("; ", differences)}. " +
                                                     "A resumed run must measure what it started measuring: resume with the run's configuration, prompts, backend and machine, " +
                                                     "or start a new run (without ENERGYBENCH_RESUME / --resume).", owned);
            }

            clock.ContinueRun(prior.Manifest.StartedUtc);
        }

        var runLock = RunLock.TryTake(lockPath, prior?.Manifest.RunId ?? $"a new run of profile '{o.Profile}'", out var refusal);
        if (runLock is null)
            return Unopened(config, clock, null, refusal, owned);

        // The machine before anything of ours starts: power source, governors, the busiest other processes.
        var watch = await HarnessWatch.BeginAsync(Machine.MachineSources.Default, cancellationToken).ConfigureAwait(false);
        ResultsWriter results;
        try
        {
            results = prior is null
                ? ResultsWriter.Create(config.Resolve(o.Results.Directory), o.Profile, clock.OriginUtc, openResultsFile)
                : ResultsWriter.Resume(prior.Directory).Writer;
        }
        catch (ResultsWriteException e)
        {
            runLock.Dispose();
            return Unopened(config, clock, null, e.Message, owned);
        }

        runLock.Name(results.RunId);
        IPowerMeter? meter = null;
        try
        {
            var choice = await createMeter(results.Directory, cancellationToken).ConfigureAwait(false);
            meter = choice.Meter;
            await watch.BeforeMeterAsync(o, choice, clock, cancellationToken).ConfigureAwait(false);
            string? fatal = null;
            try
            {
                await meter.StartAsync(cancellationToken).ConfigureAwait(false);
                await watch.MeterStartedAsync(meter, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (MeterException e)
            {
                fatal = e.Message;
            }

            // After the start: a meter knows its zones, devices and counters only once it has read them.
            var segmentNumber = (prior?.Manifest.Segments.Count is > 0 and var n ? n : prior is null ? 0 : 1) + 1;
            var manifest = (prior?.Manifest ?? new RunManifest
            {
                RunId = results.RunId,
                Profile = o.Profile,
                ProfileChosenBy = config.ProfileChosenBy,
                Overrides = config.Overrides,
                Configuration = o,
                Machine = MachineInfo.Collect(),
                Backend = new BackendInfo(BackendLabel(backends), Location(backends), o.Backend.Endpoint, "available"),
                Meter = meter.Provenance with { EdgeRule = RunEdgeRule(o) },
                MeterChosenBy = choice.Why,
                ModelFiles = backends.Select(b => b.Backend).OfType<LlamaSharpBackend>().FirstOrDefault()?.ModelFiles,
                Prompts = new PromptSource(prompts.Source, prompts.Sha256, prompts.DatasetItems, o.Prompts.Selection, prompts.Prompts.Count),
                StartedUtc = clock.OriginUtc,
                Status = "running",
            }) with
            {
                // A resumed run keeps its first start, configuration and prompts; this segment's meter, backend and overrides are its own.
                Overrides = config.Overrides,
                Backend = new BackendInfo(BackendLabel(backends), Location(backends), o.Backend.Endpoint, "available"),
                Meter = meter.Provenance with { EdgeRule = RunEdgeRule(o) },
                MeterChosenBy = choice.Why,
                MachineState = watch.MachineState,
                MeterOverhead = watch.MeterOverhead,
                Runtimes = o.Runtimes.Count == 0 ? null : [.. backends.Select(b => RuntimeInfo(o, b, runtimeSettings))],
            };
            var segment = new RunSegment(segmentNumber, clock.TimeProvider.GetUtcNow(), clock.Now, Environment.ProcessId, "running")
            {
                Meter = $"{meter.Provenance.Meter}, {EnergyMethodText.Word(meter.Provenance.Method)}, domains {string.Join("+", meter.Provenance.Domains)}",
            };
            var state = new RunState(manifest, prior, segment);
            var header = Describe(config, backends, choice, prompts, results) +
                         (prior is null ? "" : $"; RESUMED as segment {segmentNumber}: {prior.Kept.Count} of {CasePlan.Count(o)} cases kept from earlier segments, the others measured now");
            var session = new BenchmarkSession(config, clock, header, null, fatal, backends, meter, prompts, results, manifest, owned, modelProblems, state, runLock, watch);
            foreach (var warning in prior?.Warnings ?? [])
                state.Warn(warning);
            session.WriteState(fatal is null ? "running" : "failed: " + fatal, ended: fatal is not null);
            return session;
        }
        catch
        {
            // Anything else (cancellation included): leave no meter process running, no writer open and no lock held.
            if (meter is not null)
                await meter.DisposeAsync().ConfigureAwait(false);
            results.Dispose();
            runLock.Dispose();
            throw;
        }
    }

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

    /// <summary>The run's rule at window edges, for run.json: idle-attributed once a model's idle power is measured, else pro rata.</summary>
    private static string RunEdgeRule(BenchOptions o) => o.Protocol.IdleSeconds > 0
        ? EdgeRules.Describe(EdgeRules.IdleAttributed) + $" Idle is measured for {o.Protocol.IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s (Protocol:IdleSeconds) before each model's cases; a model whose idle could not be measured gets pro rata, and each case record says which rule it got."
        : EdgeRules.Describe(EdgeRules.ProRata) + " Protocol:IdleSeconds = 0 measures no idle power.";

    /// <summary>Why the suite refuses to run as root with a real backend (see README, "Never run the suite as root").</summary>
    public const string RootRefusal =
        "The suite is running as root. Only powermetrics needs root: run the suite as your own user and let sudo start " +
        "powermetrics alone (README: \"Let powermetrics run without a password\"). As root, every test, package and configured " +
        "command would run with full privileges, and results/, bin/, obj/ and .cache/ would become root-owned.";

    private static BenchmarkSession Unopened(LoadedConfiguration config, SessionClock clock, string? skip, string? fatal, IReadOnlyList<IDisposable> owned) =>
        new(config, clock, $"SlmEnergyBench: profile '{config.Options.Profile}' ({config.ProfileChosenBy}) cannot run.", skip, fatal,
            null, null, null, null, null, owned);

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
                Record(Unmeasured(model, prompt) with { Repetition = repetition, Outcome = "cancelled", Problems = ["the test run was cancelled during this case"] });
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
        var unmeasured = Unmeasured(model, prompt) with { Repetition = repetition };
        if (await PrepareUnitAsync(model, cancellationToken).ConfigureAwait(false) is { } problem)
            return unmeasured with { Problems = [problem] };
        return await MeasureAsync(unmeasured, cancellationToken).ConfigureAwait(false);
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

        if (_modelProblems.TryGetValue(UnitOf(label).WithoutPoint.Label, out var modelProblem))
            return modelProblem;
        try
        {
            await WarmUpAsync(label, cancellationToken).ConfigureAwait(false);
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
        Results.AppendSamples(_meter!.Samples);
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

    private async Task<CaseRecord> MeasureAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var g = Config.Options.Generation;
        CompletionResult completion;
        var cpu = _watch?.BeginWindow();
        try
        {
            var (backend, served) = BackendOf(record.Unit);
            completion = await backend.CompleteAsync(Request(record.Unit, served, record.PromptText), cancellationToken).ConfigureAwait(false);
            _state!.BackendAnswered();
        }
        catch (BackendException e)
        {
            _state!.BackendFailed(CaseKey.Of(record).ToString(), e.Message);
            return record with { Problems = [e.Message] };
        }

        record = record with
        {
            Harness = _watch?.EndWindow(cpu, completion),
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
            return record with { Problems = [e.Message] };
        }

        // Edge samples are split by this model's idle power when it was measured (EdgeAttribution), else pro rata.
        var idle = _idleByModel.GetValueOrDefault(record.Unit);
        if (idle is not null)
            window = EdgeAttribution.Apply(window, idle.PowerW);
        var problems = CaseValidator.Check(completion, window, Config.Options.Meter);
        record = record with
        {
            Energy = new CaseEnergy(_meter.Provenance with { EdgeRule = EdgeRules.Describe(window.EdgeRule) }, window) { Idle = idle, NetJoules = idle?.Net(window) },
            Problems = problems,
            Outcome = problems.Count == 0 ? "passed" : "failed",
        };
        var phases = new Phases.PhaseMeter(_meter, Clock, Config.Options, PauseS);
        return record with { Phases = await phases.MeasureAsync(BackendOf(record.Unit).Backend, record, window, idle, cancellationToken).ConfigureAwait(false) };
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

            var (baseline, missing) = BaselineFor(model);
            var (energy, latency) = BaselineComparison.Compare(baseline, missing, cases, Config.Options.Regression, Config.Options.Profile, _meter!.Provenance);
            var path = BaselinePath(model);
            if (Config.Options.Regression.Accept)
            {
                BaselineStore.Save(path, BaselineStore.From(BaselineStore.MachineKey(_manifest.Machine), Config.Options.Profile, model,
                    RuntimeOf(model)?.Label ?? BackendLabel(_backends), _meter!.Provenance, Results.RunId, Clock.TimeProvider.GetUtcNow(), cases));
                _baselines.Remove(model);
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
        BaselineComparison.CheckCase(BaselineFor(record.Unit).Baseline, record, Config.Options.Regression, Config.Options.Meter.IntervalMs / 1000.0);

    private string BaselinePath(string model) => BaselineStore.PathFor(Config.Resolve(Config.Options.Regression.BaselinesDirectory),
        BaselineStore.MachineKey(_manifest!.Machine), Config.Options.Profile, model);

    private (Baseline? Baseline, string? Missing) BaselineFor(string model)
    {
        if (_baselines.TryGetValue(model, out var known))
            return known;
        var path = BaselinePath(model);
        var baseline = BaselineStore.Load(path);
        string? missing = null;
        if (baseline is null)
        {
            var root = Config.Resolve(Config.Options.Regression.BaselinesDirectory);
            var file = Path.GetFileName(path);
            var others = Directory.Exists(root)
                ? Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, Config.Options.Profile, file))).Select(Path.GetFileName).ToList()
                : [];
            missing = $"no baseline for this machine ('{BaselineStore.MachineKey(_manifest!.Machine)}') and profile '{Config.Options.Profile}' at {path}" +
                      (others.Count > 0 ? $"; baselines from other hardware ({string.Join(", ", others)}) are not comparable" : "") +
                      $". Accept one with {ConfigLoader.AcceptBaselineVariable}=1 (README: Baselines).";
        }

        return _baselines[model] = (baseline, missing);
    }

    /// <summary>The unit labelled <paramref name="label"/>; a unit of that model name alone when the configuration has none (its cases then fail saying so).</summary>
    private RunUnit UnitOf(string label) => RunUnits.Find(Config.Options, label) ?? new RunUnit(null, label);

    /// <summary>
    /// The request for <paramref name="prompt"/> at the point of unit <paramref name="label"/>: the point's temperature and max tokens (and,
    /// in process, batch size and threads), the profile's top-p and seed; the model by the name its runtime serves it as.
    /// </summary>
    private CompletionRequest Request(string label, string served, string prompt)
    {
        var g = Config.Options.Generation;
        var point = UnitOf(label).Point ?? Sweeps.SweepPlan.Of(Config.Options)[0];
        return new CompletionRequest(served, prompt, point.MaxTokens, point.Temperature, g.TopP, g.Seed)
        {
            BatchSize = point.BatchSize,
            Threads = point.Threads,
        };
    }

    private CaseRecord Unmeasured(string label, Prompt prompt) => new()
    {
        RunId = Results!.RunId,
        Model = UnitOf(label).Model,
        Runtime = UnitOf(label).Runtime,
        Point = UnitOf(label).Point,
        PromptOrdinal = prompt.Ordinal,
        PromptDatasetIndex = prompt.DatasetIndex,
        PromptText = prompt.Text,
        Outcome = "failed",
        BackendSimulated = RuntimeOf(label)?.Simulated ?? _backends.Any(b => b.Simulated),
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

    /// <summary>
    /// <c>Protocol:WarmupRequests</c> unmeasured requests with <c>Protocol:WarmupPrompt</c> (never a dataset prompt, so
    /// a dataset prompt the server cannot answer fails only its own case), then the model's idle measurement. A failure
    /// says which request, which prompt and the backend's answer, and fails every case of the model.
    /// </summary>
    private async Task WarmUpCoreAsync(string model, CancellationToken cancellationToken)
    {
        var g = Config.Options.Generation;
        var p = Config.Options.Protocol;
        for (var i = 0; i < p.WarmupRequests; i++)
        {
            try
            {
                var (backend, served) = BackendOf(model);
                _watch?.AddEngine(await backend.CompleteAsync(Request(model, served, p.WarmupPrompt), cancellationToken).ConfigureAwait(false));
                _state!.BackendAnswered();
            }
            catch (BackendException e)
            {
                _state!.BackendFailed($"the warm-up of {model}", e.Message);
                var shown = p.WarmupPrompt.Length <= 100 ? p.WarmupPrompt : string.Concat(p.WarmupPrompt.AsSpan(0, 100), "...");
                throw new BackendException($"warm-up request {i + 1} of {p.WarmupRequests} to '{model}' (Protocol:WarmupPrompt \"{shown}\") failed, " +
                                           $"so none of its cases can be measured: {e.Message}", e);
            }
        }

        // Idle with the model loaded and nothing generating: the reference for this model's net energies.
        if (Config.Options.Protocol.IdleSeconds > 0 && await MeasureIdleAsync($"before {model}", cancellationToken).ConfigureAwait(false) is { } idle)
        {
            _idleByModel[model] = idle;
            if (IdleDrift.Check(_state!.EarlierIdle, idle, Config.Options.Protocol.IdleDriftPercent) is { } drift)
                Warn(drift);
        }
    }

    /// <summary>Waits <c>Protocol:IdleSeconds</c> and measures that window; null (no net figures) when the meter cannot cover it.</summary>
    private async Task<IdleMeasurement?> MeasureIdleAsync(string label, CancellationToken cancellationToken)
    {
        await Clock.DelayAsync(PauseS, cancellationToken).ConfigureAwait(false);
        var startS = Clock.Now;
        await Clock.DelayAsync(Config.Options.Protocol.IdleSeconds, cancellationToken).ConfigureAwait(false);
        try
        {
            var idle = IdleMeasurement.From(label, await _meter!.MeasureAsync(startS, Clock.Now, cancellationToken).ConfigureAwait(false));
            _state!.AddIdle(idle);
            return idle;
        }
        catch (MeterException)
        {
            return null;
        }
    }


    /// <summary>A unit whose runtime does not serve its model fails its own cases (with the reason), not the whole run. Keyed by unit label.</summary>
    private static async Task<Dictionary<string, string>> CheckModelsAsync(IReadOnlyList<RuntimeBackend> backends, BenchOptions options, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in RunUnits.Models(options))
        {
            var (backend, served) = BackendOf(backends, options, unit);
            var check = await backend.CheckAsync([served], cancellationToken).ConfigureAwait(false);
            if (!check.IsAvailable)
                problems[unit.Label] = (unit.Runtime is null ? "" : unit.Runtime + ": ") + check.Reason;
        }

        return problems;
    }

    /// <summary>The backend that runs <paramref name="unit"/> and the name it requests the model by.</summary>
    private static (ICompletionBackend Backend, string Served) BackendOf(IReadOnlyList<RuntimeBackend> backends, BenchOptions options, RunUnit unit)
    {
        if (unit.Runtime is null)
            return (backends[0].Backend, unit.Model);
        var runtime = options.Runtimes.First(r => r.Name == unit.Runtime);
        return (backends.First(b => b.Runtime == unit.Runtime).Backend, runtime.ServedName(unit.Model));
    }

    private (ICompletionBackend Backend, string Served) BackendOf(string label) =>
        BackendOf(_backends, Config.Options, RunUnits.Find(Config.Options, label) ?? new RunUnit(null, label));

    /// <summary>The runtime backend of the unit labelled <paramref name="label"/>; null for an unknown unit.</summary>
    private RuntimeBackend? RuntimeOf(string label) => RunUnits.Find(Config.Options, label) is { } unit
        ? _backends.FirstOrDefault(b => b.Runtime == unit.Runtime)
        : null;

    private static async Task<string?> CheckPartsAsync(LoadedConfiguration config, IReadOnlyList<RuntimeBackend> backends,
        Func<string?, CancellationToken, Task<MeterChoice>> createMeter, CancellationToken cancellationToken)
    {
        var o = config.Options;
        // A run of several runtimes runs when one of them answers; the others' units fail with the reason.
        var checks = new List<Availability>();
        foreach (var b in backends)
        {
            var check = await b.Backend.CheckAsync([], cancellationToken).ConfigureAwait(false);
            checks.Add(b.Runtime is null || check.IsAvailable ? check : Availability.No($"{b.Runtime}: {check.Reason}"));
        }

        var backendCheck = checks.FirstOrDefault(c => c.IsAvailable) ?? Availability.No(string.Join(" ", checks.Select(c => c.Reason)));
        Availability meterCheck;
        try
        {
            var probe = await createMeter(null, cancellationToken).ConfigureAwait(false);
            await using (probe.Meter)
                meterCheck = await probe.Meter.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MeterException e)
        {
            // Meter:Kind = auto found nothing usable here: that is a reason to skip, not a failure.
            meterCheck = Availability.No(e.Message);
        }

        if (backendCheck.IsAvailable && meterCheck.IsAvailable)
            return null;

        var reasons = new List<string>();
        if (!backendCheck.IsAvailable)
            reasons.Add("Backend: " + backendCheck.Reason);
        if (!meterCheck.IsAvailable)
            reasons.Add("Meter: " + meterCheck.Reason);
        return $"Profile '{o.Profile}' ({config.ProfileChosenBy}) cannot run here. " + string.Join(" ", reasons) +
               (backends.Any(b => b.Simulated) ? "" : " To run the suite against fake backends instead: ENERGYBENCH_PROFILE=fake dotnet test --filter Category=Energy");
    }

    private static string Describe(LoadedConfiguration config, IReadOnlyList<RuntimeBackend> backends, MeterChoice meter, PromptSet prompts, ResultsWriter results)
    {
        var o = config.Options;
        var p = meter.Meter.Provenance;
        var synthetic = o.Models.Any(m => m.StartsWith("synthetic-", StringComparison.Ordinal))
            ? " SYNTHETIC reference models (random weights: gibberish text, real compute)."
            : "";
        var what = o.Runtimes.Count == 0
            ? $"backend {backends[0].Label} at {backends[0].Backend.Location}; models {string.Join(", ", o.Models)};"
            : $"{backends.Count} runtimes: {string.Join("; ", backends.Select(b => $"{b.Runtime} = {b.Label} at {b.Backend.Location}"))}; models {string.Join(", ", o.Models)} ({RunUnits.Of(o).Count} runtime x model units);";
        return $"SlmEnergyBench run {results.RunId}: profile '{o.Profile}' ({config.ProfileChosenBy}); " +
               $"{what}{synthetic} " +
               $"meter {p.Meter}, {p.Method.ToString().ToUpperInvariant()}, domains {string.Join("+", p.Domains)} (chosen: {meter.Why}); " +
               $"{prompts.Prompts.Count} prompts per model from {prompts.Source} (sha256 {prompts.Sha256[..Math.Min(12, prompts.Sha256.Length)]}); " +
               $"results in {results.Directory}";
    }

    /// <summary>The label of a run of one runtime opened with a bare backend (tests): the fake's description, or the backend's name.</summary>
    private static string SingleLabel(BenchOptions o, ICompletionBackend backend) =>
        o.Backend.Kind switch
        {
            BackendKinds.FakeGpt4All => "fake GPT4All (in-process WireMock server)",
            BackendKinds.FakeOllama => "fake Ollama (in-process WireMock server)",
            _ => backend.Name,
        };

    /// <summary>The run's backend in words: the one runtime's label, or <c>name = label</c> of each runtime joined with <c>, </c>.</summary>
    private static string BackendLabel(IReadOnlyList<RuntimeBackend> backends) =>
        backends.Count == 1 && backends[0].Runtime is null ? backends[0].Label : string.Join(", ", backends.Select(b => $"{b.Runtime} = {b.Label}"));

    private static string Location(IReadOnlyList<RuntimeBackend> backends) =>
        string.Join(", ", backends.Select(b => b.Backend.Location).Distinct(StringComparer.Ordinal));

    private static RuntimeInfo RuntimeInfo(BenchOptions o, RuntimeBackend b, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> settings)
    {
        var runtime = o.Runtimes.First(r => r.Name == b.Runtime);
        return new RuntimeInfo(runtime.Name, b.Label, runtime.Backend.Kind, b.Backend.Location, runtime.Backend.Endpoint, b.Simulated)
        {
            ModelNames = RunUnits.Of(o).Where(u => u.Runtime == runtime.Name).ToDictionary(u => u.Model, u => runtime.ServedName(u.Model), StringComparer.Ordinal),
            Settings = settings.GetValueOrDefault(runtime.Name) ?? new Dictionary<string, IReadOnlyDictionary<string, string>>(),
        };
    }

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
                await MeasureIdleAsync("after the last case", CancellationToken.None).ConfigureAwait(false);
            if (_meter is not null)
                Results.AppendSamples(_meter.Samples);
            if (await PromptsChangedAsync().ConfigureAwait(false) is { } changed)
                Warn(changed);
            if (_watch is not null)
                await _watch.FinishAsync(_state!.Records, Config.Options, _meter, Observer, CancellationToken.None).ConfigureAwait(false);
            WriteState(FinalStatus(), ended: true, m => m with
            {
                MachineState = _watch?.MachineState ?? m.MachineState,
                HarnessCost = _watch?.Cost,
                ModelFiles = _backends.Select(b => b.Backend).OfType<LlamaSharpBackend>().FirstOrDefault()?.ModelFiles ?? m.ModelFiles,
                Meter = _meter?.Provenance is { } provenance ? provenance with { EdgeRule = RunEdgeRule(Config.Options) } : m.Meter,
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
                Results.AppendSamples(_meter.Samples);
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

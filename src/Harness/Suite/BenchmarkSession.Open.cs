using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Prompts;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>Opening a session: checking its parts, the prompts, the machine lock, a resumed run, the results folder, the meter and run.json.</summary>
public sealed partial class BenchmarkSession
{
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
        OpenAsync(config, clock, [new RuntimeBackend(null, backend, SessionText.SingleLabel(config.Options, backend), BackendKinds.IsFake(config.Options.Backend.Kind))],
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
        var skip = await SessionChecks.CheckPartsAsync(config, backends, createMeter, cancellationToken).ConfigureAwait(false);
        if (skip is not null)
            return Unopened(config, clock, skip, null, owned);
        if (Environment.IsPrivilegedProcess && o.Meter.Kind is MeterKinds.Powermetrics or MeterKinds.Auto && !backends.Any(b => b.Simulated)
            && OperatingSystem.IsMacOS())
            return Unopened(config, clock, null, RootRefusal, owned);

        var units = RunUnits.Of(o);
        var modelProblems = await SessionChecks.CheckModelsAsync(backends, o, cancellationToken).ConfigureAwait(false);
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

            var differences = ResumeCheck.Differences(prior.Manifest, o, prompts.Sha256, SessionText.BackendLabel(backends), MachineInfo.Collect());
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
                Backend = new BackendInfo(SessionText.BackendLabel(backends), SessionText.Location(backends), o.Backend.Endpoint, "available"),
                Meter = meter.Provenance with { EdgeRule = SessionText.RunEdgeRule(o) },
                MeterChosenBy = choice.Why,
                ModelFiles = backends.Select(b => b.Backend).OfType<LlamaSharpBackend>().FirstOrDefault()?.ModelFiles,
                Prompts = new PromptSource(prompts.Source, prompts.Sha256, prompts.DatasetItems, o.Prompts.Selection, prompts.Prompts.Count),
                StartedUtc = clock.OriginUtc,
                Status = "running",
            }) with
            {
                // A resumed run keeps its first start, configuration and prompts; this segment's meter, backend and overrides are its own.
                Overrides = config.Overrides,
                Backend = new BackendInfo(SessionText.BackendLabel(backends), SessionText.Location(backends), o.Backend.Endpoint, "available"),
                Meter = meter.Provenance with { EdgeRule = SessionText.RunEdgeRule(o) },
                MeterChosenBy = choice.Why,
                MachineState = watch.MachineState,
                MeterOverhead = watch.MeterOverhead,
                Runtimes = o.Runtimes.Count == 0 ? null : [.. backends.Select(b => SessionText.RuntimeInfo(o, b, runtimeSettings))],
            };
            var segment = new RunSegment(segmentNumber, clock.TimeProvider.GetUtcNow(), clock.Now, Environment.ProcessId, "running")
            {
                Meter = $"{meter.Provenance.Meter}, {EnergyMethodText.Word(meter.Provenance.Method)}, domains {string.Join("+", meter.Provenance.Domains)}",
            };
            var state = new RunState(manifest, prior, segment);
            var header = SessionText.Describe(config, backends, choice, prompts, results) +
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

    /// <summary>Why the suite refuses to run as root with a real backend (see README, "Never run the suite as root").</summary>
    public const string RootRefusal =
        "The suite is running as root. Only powermetrics needs root: run the suite as your own user and let sudo start " +
        "powermetrics alone (README: \"Let powermetrics run without a password\"). As root, every test, package and configured " +
        "command would run with full privileges, and results/, bin/, obj/ and .cache/ would become root-owned.";

    private static BenchmarkSession Unopened(LoadedConfiguration config, SessionClock clock, string? skip, string? fatal, IReadOnlyList<IDisposable> owned) =>
        new(config, clock, $"SlmEnergyBench: profile '{config.Options.Profile}' ({config.ProfileChosenBy}) cannot run.", skip, fatal,
            null, null, null, null, null, owned);
}

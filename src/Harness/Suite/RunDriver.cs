using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Runs a whole plan (<see cref="CasePlan"/>) through an open <see cref="BenchmarkSession"/>, as the Energy test suite
/// does case by case: for each model its cases in order (<see cref="BenchmarkSession.RunCaseAsync(string, int, int, CancellationToken)"/>;
/// a failed case never stops the run), then its summary and verdict against the baseline
/// (<see cref="BenchmarkSession.CompleteModelAsync"/>, only when the model has a passed case), then the run's final files
/// (<see cref="BenchmarkSession.FinishAsync"/>) and its report (<see cref="RunReport.Generate"/>). <c>slmbench run</c> runs it.
/// Progress reaches the session's <see cref="BenchmarkSession.Observer"/>; <see cref="CaseStarting"/> and
/// <see cref="ModelCompleted"/> say what is next and what each model added up to.
/// </summary>
public sealed class RunDriver
{
    private readonly BenchmarkSession _session;

    /// <summary>Drives <paramref name="session"/>, which must be open (no <see cref="BenchmarkSession.SkipReason"/> or <see cref="BenchmarkSession.FatalError"/>).</summary>
    /// <exception cref="InvalidOperationException">The session could not open: the message is its skip reason or fatal error.</exception>
    public RunDriver(BenchmarkSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.SkipReason is not null || session.FatalError is not null || session.Results is null)
            throw new InvalidOperationException(session.SkipReason ?? session.FatalError ?? "the session is not open");
        _session = session;
    }

    /// <summary>Hears each case just before it starts (its warm-up and idle measurement included, for a model's first case).</summary>
    public Action<PlannedCase>? CaseStarting { get; init; }

    /// <summary>Hears each model's report once its cases are done and summarized.</summary>
    public Action<ModelReport>? ModelCompleted { get; init; }

    /// <summary>
    /// Runs every case of the plan, then finishes the run's files and makes its report. Cancelling
    /// <paramref name="cancellationToken"/> stops the run at the case it interrupts (the session records that case as
    /// cancelled and <c>run.json</c> says <c>cancelled</c>); the finished cases are kept and reported all the same.
    /// </summary>
    /// <returns>The counts, each model's report and the report files (<see cref="RunResult"/>).</returns>
    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var options = _session.Config.Options;
        var plan = CasePlan.Of(options);
        var passed = 0;
        var failed = 0;
        var cancelled = false;
        var reports = new List<ModelReport>();
        var withoutPass = new List<string>();
        var baselineProblems = new List<string>();
        foreach (var model in Runtimes.RunUnits.Of(options).Select(u => u.Label))
        {
            var modelPassed = 0;
            foreach (var planned in plan.Where(c => c.Unit == model))
            {
                CaseStarting?.Invoke(planned);
                IReadOnlyList<CaseRecord> records;
                try
                {
                    // A point whose requests overlap is one row: all its prompts with N in flight.
                    records = planned.WholePoint
                        ? (await _session.RunPointAsync(model, planned.Run, cancellationToken).ConfigureAwait(false)).Cases
                        : [await _session.RunCaseAsync(model, planned.Prompt - 1, planned.Run, cancellationToken).ConfigureAwait(false)];
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                foreach (var record in records)
                {
                    if (record.Outcome == "passed")
                    {
                        passed++;
                        modelPassed++;
                        if (_session.CheckAgainstBaseline(record) is { } problem)
                            baselineProblems.Add($"{model}, prompt {record.PromptOrdinal + 1}" + (planned.Repetitions > 1 ? $", run {planned.Run}" : "") + $": {problem}");
                    }
                    else
                    {
                        failed++;
                    }
                }
            }

            if (cancelled)
                break;
            if (modelPassed == 0)
            {
                withoutPass.Add(model);
                continue;
            }

            // A summary takes a moment and concerns cases already measured: it is made even while the run is being
            // cancelled, and the next case then sees the cancellation.
            var report = await _session.CompleteModelAsync(model, CancellationToken.None).ConfigureAwait(false);
            reports.Add(report);
            ModelCompleted?.Invoke(report);
        }

        // The run's files are finished whatever happened: a cancelled run's cases are kept and reported.
        await _session.FinishAsync(CancellationToken.None).ConfigureAwait(false);
        var directory = _session.Results!.Directory;
        var (files, error) = MakeReport(directory);
        return new RunResult(_session.Results.RunId, directory, CasePlan.Count(options), passed, failed, cancelled, reports, withoutPass, baselineProblems, files, error);
    }

    /// <summary>The report of the run folder; none when no case was recorded; the reason when it could not be made.</summary>
    private static (ReportFiles? Files, string? Error) MakeReport(string directory)
    {
        var cases = new FileInfo(Path.Combine(directory, RunDataReader.CasesFile));
        if (!cases.Exists || cases.Length == 0)
            return (null, null);
        try
        {
            return (RunReport.Generate(directory), null);
        }
        catch (Exception e) when (e is RunDataException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }
}

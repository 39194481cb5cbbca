using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Suite;

[assembly: AssemblyFixture(typeof(SlmEnergyBench.EnergyBenchmarks.EnergySession))]

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// The run-wide fixture: ONE meter session, the backend client and the results writer, shared by every
/// Energy case. Opening it never throws: an unavailable backend or meter becomes a skip reason, a broken
/// configuration or prompt file a failure reason, and each case reports it.
/// </summary>
public sealed class EnergySession : IAsyncLifetime
{
    public BenchmarkSession? Session { get; private set; }

    /// <summary>Why no case can run (configuration error, prompts unreadable, meter failed to start).</summary>
    public string? Failure { get; private set; }

    private int _headerShown;
    private RunGuard? _guard;

    /// <summary>The run's header the first time it is asked for (the first case's first output line), then null.</summary>
    public string? TakeHeader() =>
        Session is not null && Interlocked.Exchange(ref _headerShown, 1) == 0 ? Session.Header : null;

    public async ValueTask InitializeAsync()
    {
        try
        {
            var config = ConfigLoader.Load();
            Session = await BenchmarkSession.OpenAsync(config, TestContext.Current.CancellationToken);
            Session.Observer = new DiagnosticProgress();
            if (Session.Results is not null)
                _guard = new RunGuard(Session, watchRunner: true, handleSignals: true);
            Failure = Session.FatalError is null ? null : $"{Session.Header} {Session.FatalError}";
            DiagnosticProgress.Say(Failure ?? Session.SkipReason ?? Session.Header);
            if (Failure is null && Session.MachineStateLine is { } machine)
                DiagnosticProgress.Say(machine);
        }
        catch (ConfigurationException e)
        {
            Failure = e.Message;
            DiagnosticProgress.Say(Failure);
        }
    }

    private ReportFiles? _report;

    /// <summary>Finishes the run's files and makes its report; once (a second call returns the first report).</summary>
    public async Task<ReportFiles> MakeReportAsync(CancellationToken cancellationToken)
    {
        if (_report is not null)
            return _report;
        await Session!.FinishAsync(cancellationToken);
        _report = RunReport.Generate(Session.Results!.Directory);
        return _report;
    }

    /// <summary>
    /// Closes the session. When the report test did not run (a filter chose some cases only), the report is made
    /// here from what the run recorded; a failure to make it is reported as a diagnostic, never losing the results.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Session is null)
            return;
        _guard?.Dispose();
        await Session.DisposeAsync();
        if (_report is null && Session.Results is { } results && File.Exists(Path.Combine(results.Directory, RunDataReader.CasesFile))
            && new FileInfo(Path.Combine(results.Directory, RunDataReader.CasesFile)).Length > 0)
        {
            try
            {
                _report = RunReport.Generate(results.Directory);
                DiagnosticProgress.Say($"Report: {_report.Html}");
            }
            catch (Exception e) when (e is RunDataException or IOException or UnauthorizedAccessException)
            {
                DiagnosticProgress.Say($"The run's results are in {results.Directory}, but its report could not be made: {e.Message}. Make it with 'dotnet run --project src/Cli -- report {results.Directory}'.");
            }
        }
    }
}

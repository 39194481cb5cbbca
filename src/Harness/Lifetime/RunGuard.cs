using System.Runtime.InteropServices;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// Ends a run cleanly however it is stopped: on SIGINT (Ctrl-C), SIGTERM or SIGHUP, and, in a test program, when the
/// runner that started it dies (<see cref="ParentWatchdog"/>), it records why in run.json
/// (<see cref="BenchmarkSession.Interrupt"/>: <c>cancelled: ...</c> for Ctrl-C, <c>interrupted: ...</c> otherwise), stops
/// the meter and its process, prints how to resume on standard error, and ends the process with the signal's exit code
/// (130, 143, 129; 3 for a dead runner). The cases already recorded stay as they are in cases.jsonl.
/// </summary>
public sealed class RunGuard : IDisposable
{
    /// <summary>The exit code of a test program that stopped because its runner died.</summary>
    public const int RunnerGoneExitCode = 3;

    private readonly BenchmarkSession _session;
    private readonly Action<int> _exit;
    private readonly ParentWatchdog? _watchdog;
    private readonly StopSignals? _signals;

    /// <param name="session">The open session.</param>
    /// <param name="watchRunner">True in a test program: stop when <c>dotnet test</c> (or the IDE's runner) dies.</param>
    /// <param name="handleSignals">True to take SIGINT, SIGTERM and SIGHUP (a command line with its own Ctrl-C handling passes false and calls <see cref="Stop"/>).</param>
    /// <param name="exit">Ends the process with a code (<see cref="Environment.Exit"/> unless a test gives another).</param>
    public RunGuard(BenchmarkSession session, bool watchRunner, bool handleSignals, Action<int>? exit = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _exit = exit ?? Environment.Exit;
        if (handleSignals)
            _signals = new StopSignals((signal, name) => Stop(signal == PosixSignal.SIGINT ? $"cancelled: {name}" : $"interrupted: {name}", StopSignals.ExitCode(signal)));
        if (watchRunner)
            _watchdog = ParentWatchdog.Start(why => Stop($"interrupted: {why}", RunnerGoneExitCode));
    }

    /// <summary>What the watchdog follows, for the run's output (empty without one).</summary>
    public IReadOnlyList<string> Watched => _watchdog?.Watched ?? [];

    /// <summary>
    /// Records <paramref name="status"/> (with how far the run got and how to resume it), stops the meter, says so on
    /// standard error and ends the process with <paramref name="exitCode"/>.
    /// </summary>
    public void Stop(string status, int exitCode)
    {
        var results = _session.Results;
        if (results is not null)
        {
            if (_session.Interrupt(status))
            {
                Console.Error.WriteLine($"SlmEnergyBench: run {results.RunId} stopped ({status}). Its finished cases are in {results.Directory}. " +
                                        $"Resume it with: ENERGYBENCH_RESUME={results.RunId} dotnet test --filter Category=Energy");
            }
        }

        _exit(exitCode);
    }

    public void Dispose()
    {
        _watchdog?.Dispose();
        _signals?.Dispose();
    }
}

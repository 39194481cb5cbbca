using System.Runtime.InteropServices;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// Turns the signals that end a run (Ctrl-C: SIGINT; <c>kill</c>: SIGTERM; a closed terminal: SIGHUP) into one call of
/// a handler that records why the run stopped before the process ends. The signal's default action (ending the process)
/// is cancelled; the handler decides when to exit. SIGKILL cannot be caught: <see cref="ParentWatchdog"/> and
/// <see cref="ChildWatchdog"/> cover it.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _fired;

    /// <summary>
    /// Registers <paramref name="onStop"/> for SIGINT, SIGTERM and SIGHUP; it runs once, with the signal and a sentence
    /// naming it (e.g. "Ctrl-C (SIGINT)"). Later signals of any kind are left to their default action, so a second Ctrl-C
    /// ends a process whose handler hangs. <paramref name="only"/> limits them (a command line that handles Ctrl-C itself
    /// passes SIGTERM and SIGHUP).
    /// </summary>
    public StopSignals(Action<PosixSignal, string> onStop, IReadOnlyCollection<PosixSignal>? only = null)
    {
        ArgumentNullException.ThrowIfNull(onStop);
        foreach (var (signal, name) in new[]
                 {
                     (PosixSignal.SIGINT, "Ctrl-C (SIGINT)"), (PosixSignal.SIGTERM, "SIGTERM"),
                     (PosixSignal.SIGHUP, "SIGHUP (the terminal closed)"),
                 }.Where(s => only is null || only.Contains(s.Item1)))
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                if (Interlocked.Exchange(ref _fired, 1) != 0)
                    return;
                context.Cancel = true;
                onStop(signal, name);
            }));
        }
    }

    /// <summary>The conventional exit code of a process ended by <paramref name="signal"/>: 128 + its number (SIGINT 130, SIGTERM 143, SIGHUP 129).</summary>
    public static int ExitCode(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        PosixSignal.SIGHUP => 129,
        _ => 1,
    };

    public void Dispose()
    {
        foreach (var r in _registrations)
            r.Dispose();
    }
}

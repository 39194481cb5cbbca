namespace SlmEnergyBench.Cli;

/// <summary>
/// Ctrl-C for a benchmark run: the first press cancels the run's token and keeps the process alive so that the run can
/// record the interrupted case as cancelled, write <c>run.json</c> and its report; a second press ends the process at once.
/// </summary>
internal sealed class CancelOnCtrlC : IDisposable
{
    private readonly CancellationTokenSource _source;
    private int _presses;

    private CancelOnCtrlC(CancellationTokenSource source)
    {
        _source = source;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancels <paramref name="source"/> on the first Ctrl-C until disposed.</summary>
    public static IDisposable Listen(CancellationTokenSource source) => new CancelOnCtrlC(source);

    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _presses) > 1)
            return;
        e.Cancel = true;
        Console.Error.WriteLine("Cancelling: the case in progress is recorded as cancelled, then the run's files and report are finished (Ctrl-C again stops at once)...");
        _source.Cancel();
    }
}

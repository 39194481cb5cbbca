using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Cli;

/// <summary>
/// The run as plain lines, for output that is not an interactive terminal (redirected to a file, CI): the header, a
/// <see cref="ProgressLine"/> every few cases or seconds (<see cref="ProgressThrottle"/>, as the test suite prints them),
/// warnings on the error writer, then the closing lines.
/// </summary>
internal sealed class PlainRunDisplay(TextWriter output, TextWriter error) : IRunDisplay
{
    private readonly ProgressThrottle _throttle = new();

    public async Task<RunResult> ShowAsync(string header, int total, Func<Task<RunResult>> run)
    {
        output.WriteLine(header);
        return await run().ConfigureAwait(false);
    }

    public void CaseStarting(PlannedCase next)
    {
        // One line per case would drown a run of hours: the throttled progress lines say where it stands.
    }

    public void CaseFinished(CaseProgress progress)
    {
        if (_throttle.ShouldPrint(progress))
            output.WriteLine(ProgressLine.Format(progress));
    }

    public void Warn(string message) => error.WriteLine("warning: " + message);

    public void ModelCompleted(ModelReport report)
    {
        // Shown with the closing lines, beside the other models'.
    }

    public void End(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
            output.WriteLine(line);
    }
}

using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.EnergyBenchmarks;

/// <summary>
/// Prints the run's progress as xUnit diagnostic messages, which <c>dotnet test</c> shows at its default verbosity
/// (xunit.runner.json: <c>diagnosticMessages</c>) while the run goes: a progress line every few cases or seconds
/// (<see cref="ProgressThrottle"/>) and every warning.
/// </summary>
public sealed class DiagnosticProgress : IRunObserver
{
    private readonly ProgressThrottle _throttle = new();

    /// <summary>Sends <paramref name="line"/> to the test runner's console (and the IDE's output pane).</summary>
    public static void Say(string line) => TestContext.Current.SendDiagnosticMessage(line);

    public void CaseFinished(CaseProgress progress)
    {
        if (_throttle.ShouldPrint(progress))
            Say(ProgressLine.Format(progress));
    }

    public void Warn(string message) => Say("WARNING: " + message);
}

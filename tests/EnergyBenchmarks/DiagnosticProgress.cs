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

    /// <summary>Every tenth of an overlapping point's requests (and its last): the point's row ends only when all are measured.</summary>
    public void RequestAnswered(string unit, int answered, int total)
    {
        if (answered == total || answered % Math.Max(1, total / 10) == 0)
            Say($"{unit}: {answered} of {total} requests answered");
    }

    public void Warn(string message) => Say("WARNING: " + message);
}

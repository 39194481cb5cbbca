using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Cli;

/// <summary>Tells two observers of a run everything, the first first; a null second hears nothing.</summary>
internal sealed class TeeObserver(IRunObserver first, IRunObserver? second) : IRunObserver
{
    public void CaseFinished(CaseProgress progress)
    {
        first.CaseFinished(progress);
        second?.CaseFinished(progress);
    }

    public void RequestAnswered(string unit, int answered, int total)
    {
        first.RequestAnswered(unit, answered, total);
        second?.RequestAnswered(unit, answered, total);
    }

    public void Warn(string message)
    {
        first.Warn(message);
        second?.Warn(message);
    }
}

using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>An observer that keeps what it hears, for tests.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public List<CaseProgress> Cases { get; } = [];

    public List<string> Warnings { get; } = [];

    public void CaseFinished(CaseProgress progress) => Cases.Add(progress);

    public List<(string Unit, int Answered, int Total)> Requests { get; } = [];

    public void RequestAnswered(string unit, int answered, int total) => Requests.Add((unit, answered, total));

    public void Warn(string message) => Warnings.Add(message);
}

using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Cli;

/// <summary>
/// How <c>slmbench run</c> shows a run as it goes: <see cref="LiveRunDisplay"/> in an interactive terminal,
/// <see cref="PlainRunDisplay"/> when the output is redirected or in CI. It hears the session
/// (<see cref="IRunObserver"/>) and the driver (<see cref="CaseStarting"/>, <see cref="ModelCompleted"/>).
/// </summary>
internal interface IRunDisplay : IRunObserver
{
    /// <summary>Shows <paramref name="header"/>, then the run's progress until <paramref name="run"/> returns.</summary>
    /// <param name="header">The session's header (profile and why, backend, meter, results folder).</param>
    /// <param name="total">Cases in the plan.</param>
    /// <param name="run">The run (<see cref="RunDriver.RunAsync"/>).</param>
    Task<RunResult> ShowAsync(string header, int total, Func<Task<RunResult>> run);

    /// <summary>A case is about to start.</summary>
    void CaseStarting(PlannedCase next);

    /// <summary>A model's cases are done and summarized.</summary>
    void ModelCompleted(ModelReport report);

    /// <summary>After the run: its closing lines (<see cref="RunEnding"/>).</summary>
    void End(IReadOnlyList<string> lines);
}

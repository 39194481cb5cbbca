using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// What <see cref="RunDriver"/> ran: the counts of the plan's cases, each completed model's report, and the report files.
/// </summary>
/// <param name="RunId">The run's id (its folder's name under <c>Results:Directory</c>).</param>
/// <param name="Directory">The run folder (run.json, cases.jsonl, samples.jsonl, the report).</param>
/// <param name="Planned">Cases the plan holds (<see cref="CasePlan"/>).</param>
/// <param name="Passed">Cases run (or kept by a resumed run) whose record passed.</param>
/// <param name="Failed">Cases run whose record failed (problems in the record); a failed case never stops the run.</param>
/// <param name="Cancelled">True when the run was cancelled before its last case: the cases after it never ran and
/// <c>run.json</c> says <c>cancelled</c>.</param>
/// <param name="Models">Each model's summary and verdict against the baseline, in the plan's order; only models with a passed case.</param>
/// <param name="ModelsWithoutPass">Models whose cases all ran and none passed: no summary and no verdict.</param>
/// <param name="BaselineProblems">Passed cases beyond <c>Regression:CaseTolerance</c> of their own prompt's baseline point,
/// as <c>model, prompt N: what</c> (the test suite fails such a case).</param>
/// <param name="Report">The report files; null when the report could not be made (see <paramref name="ReportError"/>) or no case was recorded.</param>
/// <param name="ReportError">Why the report could not be made; the run's files are intact and <c>slmbench report</c> can make it later.</param>
public sealed record RunResult(
    string RunId,
    string Directory,
    int Planned,
    int Passed,
    int Failed,
    bool Cancelled,
    IReadOnlyList<ModelReport> Models,
    IReadOnlyList<string> ModelsWithoutPass,
    IReadOnlyList<string> BaselineProblems,
    ReportFiles? Report,
    string? ReportError)
{
    /// <summary>Cases that ran (passed or failed), of <see cref="Planned"/>.</summary>
    public int Done => Passed + Failed;

    /// <summary>True when a model's energy or latency is worse than its baseline (beyond the threshold and significant).</summary>
    public bool Regressed => Models.Any(m => m.IsWorse);

    /// <summary>True when every planned case ran and passed, no model regressed and no case left its baseline's tolerance.</summary>
    public bool AllPassed => !Cancelled && Failed == 0 && Done == Planned && !Regressed && BaselineProblems.Count == 0 && ReportError is null;
}

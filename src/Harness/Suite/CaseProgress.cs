using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Where a run stands after one case.
/// </summary>
/// <param name="Record">The case's record (its energy, timing and problems).</param>
/// <param name="Kept">True when the record was measured in an earlier segment and kept by a resumed run (no new measurement).</param>
/// <param name="Done">Cases finished so far in the whole run (kept ones included), of <paramref name="Total"/>.</param>
/// <param name="Total">Cases the run's plan holds (<see cref="CasePlan"/>).</param>
/// <param name="Failed">Finished cases whose record has problems.</param>
/// <param name="ElapsedS">Seconds since this segment started, s.</param>
/// <param name="EtaS">Estimated seconds to the last case, s: the cases left times the mean duration of the cases measured in this
/// segment (null before the first one).</param>
public sealed record CaseProgress(CaseRecord Record, bool Kept, int Done, int Total, int Failed, double ElapsedS, double? EtaS);

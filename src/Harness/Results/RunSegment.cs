namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// One stretch of a run in one process: the first start, or a resumption of an interrupted run
/// (<c>ENERGYBENCH_RESUME</c>). Each segment has its own meter session and its own idle measurements; the run's case
/// records say which segment measured them (<see cref="CaseRecord.Segment"/>). Times of all segments are on one timeline:
/// seconds since the run's first start.
/// </summary>
/// <param name="Number">1 for the first start, 2 for the first resumption, ...</param>
/// <param name="StartedUtc">When this segment started.</param>
/// <param name="StartS">The segment's start on the run's timeline, s since the run's first start.</param>
/// <param name="ProcessId">The process that ran it.</param>
/// <param name="Status"><c>running</c>, <c>completed</c>, <c>interrupted: why</c>, <c>cancelled: why</c> or <c>failed: why</c>.</param>
public sealed record RunSegment(int Number, DateTimeOffset StartedUtc, double StartS, int ProcessId, string Status)
{
    /// <summary>When this segment ended; null while it runs or when it was killed without a chance to say so.</summary>
    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>Cases this segment measured (kept cases of earlier segments not counted).</summary>
    public int CasesMeasured { get; init; }

    /// <summary>This segment's idle measurements (each model's before its first case in the segment, and after the last case).</summary>
    public IReadOnlyList<IdleMeasurement> Idle { get; init; } = [];

    /// <summary>The meter session of this segment, in words (meter, method, domains).</summary>
    public string? Meter { get; init; }
}

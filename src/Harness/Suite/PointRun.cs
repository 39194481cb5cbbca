using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One repetition of an overlapping point as run: its requests' records (one per prompt, in prompt order, valid or not) and the point's
/// record (window, steady state, attribution check); <paramref name="Point"/> is null when the point could not be measured at all (its
/// cases say why) or was kept whole from an earlier segment.
/// </summary>
public sealed record PointRun(IReadOnlyList<CaseRecord> Cases, PointRecord? Point);

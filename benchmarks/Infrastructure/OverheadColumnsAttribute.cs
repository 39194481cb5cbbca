using BenchmarkDotNet.Attributes;

namespace SlmEnergyBench.Benchmarks.Infrastructure;

/// <summary>
/// Adds the two <see cref="OverheadColumn"/>s to a benchmark class with a baseline: its overhead in ms and as a % of a request of
/// <paramref name="referenceMs"/> ms.
/// </summary>
/// <param name="referenceMs">The reference request's duration, ms (issue 13's goal: 1% of a 50 ms request).</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OverheadColumnsAttribute(double referenceMs)
    : ColumnConfigBaseAttribute(new OverheadColumn(percent: false, referenceMs), new OverheadColumn(percent: true, referenceMs));

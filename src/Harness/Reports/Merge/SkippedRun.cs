namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>A run given to <c>merge</c> that is left out of the merged report, and why (stated on stderr and in the report).</summary>
/// <param name="Given">The run as the user gave it.</param>
/// <param name="Reason">What was wrong and what to do, e.g. "results/x/run.json: missing. ...".</param>
public sealed record SkippedRun(string Given, string Reason);

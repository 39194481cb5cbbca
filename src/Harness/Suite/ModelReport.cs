using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>What a model's cases add up to: its summary, and its energy and latency against the baseline.</summary>
/// <param name="Summary">Statistics of the model's passed cases.</param>
/// <param name="Energy">Per-prompt energy against the baseline (verdict NA without one).</param>
/// <param name="Latency">Per-prompt latency against the baseline.</param>
/// <param name="BaselinePath">Where this machine and profile's baseline for the model is (or would be).</param>
/// <param name="Accepted">True when this run was written as the new baseline.</param>
public sealed record ModelReport(ModelSummary Summary, RegressionVerdict Energy, RegressionVerdict Latency, string BaselinePath, bool Accepted)
{
    public bool IsNa => Energy.Kind == Verdict.NA;

    public bool IsWorse => Energy.Kind == Verdict.Worse || Latency.Kind == Verdict.Worse;
}

using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// One model of two runs compared: run B's per-prompt energy (total joules) and latency (wall seconds) against run A's,
/// ratio = B / A. Both verdicts are <see cref="Verdict.NA"/>, with the reason in their messages, when run B lost the
/// model (<see cref="IsLost"/>), when the model is only in run B, when run A has no passed case of it, or when too few
/// prompts pair up; only energy is NA when the runs' meters differ.
/// </summary>
/// <param name="Model">The model's name as both runs wrote it.</param>
/// <param name="Pairs">Prompts compared (passed in both runs), 0 when the model was not compared.</param>
/// <param name="Energy">Energy of B against A.</param>
/// <param name="Latency">Latency of B against A.</param>
public sealed record ModelComparison(string Model, int Pairs, RegressionVerdict Energy, RegressionVerdict Latency)
{
    /// <summary>True when energy or latency got worse beyond the threshold and significantly.</summary>
    public bool IsWorse => Energy.Kind == Verdict.Worse || Latency.Kind == Verdict.Worse;

    /// <summary>True when run A has the model and run B lost it: missing from B, or no passed case of it in B.</summary>
    public bool IsLost { get; init; }

    /// <summary>True when a gate should fail on this model: worse, or lost.</summary>
    public bool IsRegression => IsWorse || IsLost;
}

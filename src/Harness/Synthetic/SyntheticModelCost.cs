namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// A ladder model's per-token cost beside the real model it stands for, each as multiply-accumulates per token
/// and as a ratio to the smallest of its kind.
/// </summary>
public sealed record SyntheticModelCost(
    string Name,
    long MultiplyAccumulatesPerToken,
    double RatioToSmallest,
    string StandsFor,
    long StandsForMultiplyAccumulatesPerToken,
    double StandsForRatioToSmallest)
{
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Name}: {MultiplyAccumulatesPerToken / 1e6:F1} M MAC/token (x{RatioToSmallest:F2}), stands for {StandsFor}: {StandsForMultiplyAccumulatesPerToken / 1e6:F1} M MAC/token (x{StandsForRatioToSmallest:F2})");
}

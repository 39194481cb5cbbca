namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>One model's bar: the mean of its passed cases and the confidence interval of that mean.</summary>
/// <param name="ModelIndex">The model's index in <see cref="RunData.Models"/> (its colour).</param>
/// <param name="Model">The model's name.</param>
/// <param name="Mean">The bar's height.</param>
/// <param name="CiLow">The interval's lower bound.</param>
/// <param name="CiHigh">The interval's upper bound.</param>
/// <param name="N">How many passed cases the mean is of.</param>
internal sealed record ModelValue(int ModelIndex, string Model, double Mean, double CiLow, double CiHigh, int N);

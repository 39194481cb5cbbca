namespace SlmEnergyBench.Harness.Statistics;

/// <summary>Outcome of a two-sided <see cref="WilcoxonSignedRank"/> test.</summary>
/// <param name="Statistic">W = min(W+, W-), as scipy reports it for the two-sided test.</param>
/// <param name="WPlus">Sum of the ranks of the positive differences (R's V).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Pairs">Number of non-zero differences that were ranked.</param>
/// <param name="ZerosDropped">Number of zero differences left out.</param>
/// <param name="IsExact">True when the p-value comes from the exact distribution, false for the normal approximation.</param>
public sealed record WilcoxonResult(double Statistic, double WPlus, double PValue, int Pairs, int ZerosDropped, bool IsExact);

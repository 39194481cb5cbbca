namespace SlmEnergyBench.Harness.Statistics;

/// <summary>Outcome of <see cref="RegressionCheck.Compare"/>; the figures are null when the verdict is NA.</summary>
/// <param name="Kind">The verdict.</param>
/// <param name="Ratio">Geometric mean of the per-pair ratios current / baseline.</param>
/// <param name="CiLow">Lower end of the bootstrap 95% confidence interval of <paramref name="Ratio"/>.</param>
/// <param name="CiHigh">Upper end of that interval.</param>
/// <param name="PValue">Two-sided Wilcoxon signed-rank p-value of the log ratios.</param>
/// <param name="Pairs">Number of pairs compared (0 when there is no baseline).</param>
/// <param name="Message">One line for people, formatted with the invariant culture.</param>
public sealed record RegressionVerdict(
    Verdict Kind, double? Ratio, double? CiLow, double? CiHigh, double? PValue, int Pairs, string Message);

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>One bar: the mean of a model's passed cases and the confidence interval of that mean.</summary>
/// <param name="ModelIndex">The model's index in <see cref="RunData.Models"/> (its colour).</param>
/// <param name="Model">The model's name.</param>
/// <param name="Mean">The bar's height.</param>
/// <param name="CiLow">The interval's lower bound.</param>
/// <param name="CiHigh">The interval's upper bound.</param>
/// <param name="N">How many passed cases the mean is of.</param>
/// <param name="Domain">
/// The energy domain of the bar in a chart with a bar per domain beside each model's total (<c>total</c>, <c>cpu</c>,
/// <c>gpu</c>, ...), or the series of a chart with a bar per figure beside each other (<c>TTFT</c>, <c>ITL p50</c>, <see cref="StreamPhaseCharts"/>);
/// null for a chart with one bar per model.
/// </param>
internal sealed record ModelValue(int ModelIndex, string Model, double Mean, double CiLow, double CiHigh, int N, string? Domain = null);

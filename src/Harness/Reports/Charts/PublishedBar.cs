namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>One bar of a published comparison chart.</summary>
/// <param name="Label">What the bar is: model, hardware, batch size, components.</param>
/// <param name="Value">The figure (J/token or J/response), positive.</param>
/// <param name="CiLow">The lower bound of its confidence interval, when it has one.</param>
/// <param name="CiHigh">The upper bound of its confidence interval, when it has one.</param>
/// <param name="Hex">The colour of its group (<see cref="ChartPalette"/>).</param>
internal sealed record PublishedBar(string Label, double Value, double? CiLow, double? CiHigh, string Hex);

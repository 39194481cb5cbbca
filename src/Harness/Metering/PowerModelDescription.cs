namespace SlmEnergyBench.Harness.Metering;

/// <summary>A power model as data, so a run records exactly how its estimates were made.</summary>
/// <param name="Formula">E.g. <c>P(u) = IdleW + (TdpW - IdleW) x u</c>.</param>
/// <param name="Parameters">Every parameter of the formula by name (watts, ratios).</param>
public sealed record PowerModelDescription(string Formula, IReadOnlyDictionary<string, double> Parameters);

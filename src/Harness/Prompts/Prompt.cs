namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// One prompt of a run. <see cref="Ordinal"/> is its place in the run (0-based, what test cases carry);
/// <see cref="DatasetIndex"/> its index in the dataset.
/// </summary>
public sealed record Prompt(int Ordinal, int DatasetIndex, string Text);

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>The prompts of a run and the dataset they came from.</summary>
/// <param name="Source">URL or path as configured.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of the dataset file's bytes.</param>
/// <param name="DatasetItems">Items in the whole dataset.</param>
/// <param name="Prompts">The selected prompts, in run order.</param>
public sealed record PromptSet(string Source, string Sha256, int DatasetItems, IReadOnlyList<Prompt> Prompts);

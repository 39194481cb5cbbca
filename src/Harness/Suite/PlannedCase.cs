namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One case of a run's plan: unit <paramref name="Unit"/> (the model, or <c>runtime / model</c>: <see cref="Runtimes.RunUnit.Label"/>), prompt number <paramref name="Prompt"/> (1-based, of
/// <paramref name="PromptsPerModel"/>) and repetition <paramref name="Run"/> (1-based, of <paramref name="Repetitions"/>).
/// </summary>
public sealed record PlannedCase(string Unit, int Prompt, int Run, int PromptsPerModel, int Repetitions)
{
    /// <summary>The name a test explorer and the progress display show, e.g. <c>Energy: m / prompt 3 of 12, run 2 of 3</c> or <c>Energy: ollama / m / prompt 3 of 12</c>.</summary>
    public string DisplayName => $"Energy: {Unit} / prompt {Prompt} of {PromptsPerModel}" + (Repetitions > 1 ? $", run {Run} of {Repetitions}" : "");
}

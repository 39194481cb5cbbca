namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// One row of a run's plan: unit <paramref name="Unit"/> (<see cref="Runtimes.RunUnit.Label"/>: the model, <c>runtime / model</c>, with
/// its point when the run sweeps), prompt number <paramref name="Prompt"/> (1-based, of <paramref name="PromptsPerModel"/>) and
/// repetition <paramref name="Run"/> (1-based, of <paramref name="Repetitions"/>). At a point whose requests overlap
/// (<paramref name="InFlight"/> above 1) the row is the whole point, all its prompts with that many in flight, and
/// <paramref name="Prompt"/> is 0.
/// </summary>
public sealed record PlannedCase(string Unit, int Prompt, int Run, int PromptsPerModel, int Repetitions, int InFlight = 1)
{
    /// <summary>True when the row runs all the point's prompts overlapping (<see cref="Prompt"/> = 0).</summary>
    public bool WholePoint => Prompt == 0;

    /// <summary>
    /// The name a test explorer and the progress display show, e.g. <c>Energy: m / prompt 3 of 12, run 2 of 3</c>,
    /// <c>Energy: ollama / m / prompt 3 of 12</c> or <c>Energy: m / concurrency 8 / 12 prompts, 8 in flight</c>.
    /// </summary>
    public string DisplayName => (WholePoint
                                     ? $"Energy: {Unit} / {PromptsPerModel} prompts, {InFlight} in flight"
                                     : $"Energy: {Unit} / prompt {Prompt} of {PromptsPerModel}") +
                                 (Repetitions > 1 ? $", run {Run} of {Repetitions}" : "");
}

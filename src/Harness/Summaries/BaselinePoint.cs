namespace SlmEnergyBench.Harness.Summaries;

/// <summary>One passed case of a baseline run, the unit a later run is paired with (same prompt, same repetition).</summary>
/// <param name="PromptOrdinal">The prompt's position in the run (0-based).</param>
/// <param name="PromptDatasetIndex">The prompt's index in its dataset.</param>
/// <param name="Repetition">Which repetition of the prompt (1-based).</param>
/// <param name="Joules">Gross joules of the request window, total domain.</param>
/// <param name="LatencyS">Harness wall seconds of the request.</param>
/// <param name="NetJoules">Joules net of the model's idle power, total domain; null when idle was not measured.</param>
public sealed record BaselinePoint(int PromptOrdinal, int PromptDatasetIndex, int Repetition, double Joules, double LatencyS, double? NetJoules);

namespace SlmEnergyBench.Harness.SeedStudy;

/// <summary>
/// One power sample of the seed study (<c>energyMetrics[i]</c>). <see cref="TimeElapsed"/> is a counter the study's
/// client added 100 to per sample, not a measured time: it says nothing about when the sample was taken.
/// </summary>
public sealed record SeedStudySample(
    double BatteryPercentage,
    double CpuPowerMw,
    double GpuPowerMw,
    double CombinedPowerMw,
    long TimeElapsed);

/// <summary>
/// One response of the seed study's <c>results_&lt;i&gt;.json</c>: the prompt, the completion, their lengths in
/// characters (<see cref="InputLength"/>, <see cref="OutputLength"/>), GPT4All's token counts, the client-side wall
/// time of the HTTP call in milliseconds and the power samples taken while it ran (at least one).
/// </summary>
public sealed record SeedStudyRecord(
    double InferenceTimeMs,
    string Input,
    int InputLength,
    int InputToken,
    string Output,
    int OutputLength,
    int OutputToken,
    IReadOnlyList<SeedStudySample> EnergyMetrics)
{
    /// <summary>The study's nominal sampling interval: 100 ms.</summary>
    public const double NominalSampleIntervalSeconds = 0.1;

    /// <summary><see cref="InferenceTimeMs"/> in seconds.</summary>
    public double DurationSeconds => InferenceTimeMs / 1000.0;
}

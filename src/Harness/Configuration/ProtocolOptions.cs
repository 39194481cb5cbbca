namespace SlmEnergyBench.Harness.Configuration;

public sealed class ProtocolOptions
{
    /// <summary>Unmeasured requests sent to each model before its first measured case (loads the model).</summary>
    public int WarmupRequests { get; set; } = 1;

    /// <summary>The default of <see cref="WarmupPrompt"/>.</summary>
    public const string DefaultWarmupPrompt = "Say hello in one short sentence.";

    /// <summary>Longest <see cref="WarmupPrompt"/> allowed, in characters: a warm-up loads the model, it measures nothing.</summary>
    public const int MaxWarmupPromptLength = 2000;

    /// <summary>
    /// The prompt of the warm-up requests: a fixed short prompt of its own, not one of the dataset's, so a dataset
    /// prompt the server cannot answer fails only its own case instead of the warm-up and with it every case of the model.
    /// </summary>
    public string WarmupPrompt { get; set; } = DefaultWarmupPrompt;

    /// <summary>
    /// Idle time before each measured request, in milliseconds. At least two meter intervals keeps the
    /// previous request's tail out of this request's first (edge) sample.
    /// </summary>
    public int PauseMs { get; set; } = 250;

    /// <summary>Measured requests per prompt and model; runs go prompt after prompt, then again (so a slow drift spreads over all prompts).</summary>
    public int Repetitions { get; set; } = 1;

    /// <summary>
    /// Seconds of idle measured after each model's warm-up (model loaded, nothing generating) and after the last case.
    /// Every case's energy then exists gross and net of idle: net = gross - idle power x window. 0 turns it off.
    /// </summary>
    public double IdleSeconds { get; set; } = 5;

    /// <summary>
    /// A resumed run warns when a model's idle power in the new segment differs from the earlier segments' by more than
    /// this percentage of theirs, %: the machine's state changed between segments (another power source, thermal state,
    /// background load), so its gross figures may not be comparable across segments (net figures subtract each segment's own idle).
    /// </summary>
    public double IdleDriftPercent { get; set; } = 10;

    /// <summary>
    /// Seconds of each phase of the meter's own overhead measurement before the first model (idle power with the meter sampling at
    /// <c>Meter:IntervalMs</c> against at 1 s: slow, fast, slow; see <see cref="Overhead.MeterOverheadProbe"/>). 0 turns it off.
    /// </summary>
    public double MeterOverheadSeconds { get; set; }

    /// <summary>
    /// Also measure each case's prefill by the established protocol (optimum-benchmark): right after the case's request and an
    /// idle pause, the same prompt with max tokens 1, measured as its own window; decode = the full request - that pass
    /// (<see cref="Phases.PhaseNames.PrefillPass"/>, stored beside the split at the first token). After, not before: the
    /// case's own request then runs exactly as without the option. Doubles the requests; off by default.
    /// </summary>
    public bool PrefillPass { get; set; }
}

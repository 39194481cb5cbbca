namespace SlmEnergyBench.Harness.Summaries;

/// <summary>The stable names of the per-case metrics in <see cref="ModelSummary.Metrics"/> (and in <c>summary.json</c>).</summary>
public static class MetricNames
{
    /// <summary>Harness wall seconds of a request (<see cref="Backends.CompletionResult.WallSeconds"/>).</summary>
    public const string LatencyS = "latencyS";

    public const string TokensPerSecond = "tokensPerSecond";

    public const string WordsPerSecond = "wordsPerSecond";

    /// <summary>Gross joules of a request window, total domain.</summary>
    public const string JoulesPerResponse = "joulesPerResponse";

    /// <summary>Joules of a request window net of the model's idle power, total domain.</summary>
    public const string JoulesPerResponseNet = "joulesPerResponseNet";

    /// <summary>Per case: gross joules / completion tokens. Its mean is the study's J/token (mean of ratios).</summary>
    public const string JoulesPerTokenMeanOfRatios = "joulesPerTokenMeanOfRatios";

    public const string AveragePowerW = "averagePowerW";

    public const string PeakPowerW = "peakPowerW";

    public const string TimeToFirstTokenS = "timeToFirstTokenS";

    public const string PrefillS = "prefillS";

    public const string DecodeS = "decodeS";
}

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>
/// The stable names of the per-case metrics in <see cref="ModelSummary.Metrics"/> (and in <c>summary.json</c>). The energy
/// metrics without a domain are the <see cref="Metering.Domains.Total"/> domain's; their per-domain forms are named
/// <c>&lt;metric&gt;.&lt;domain&gt;</c> (<see cref="ForDomain"/>), e.g. <c>joulesPerResponse.gpu</c>.
/// </summary>
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

    /// <summary>The energy metrics that also exist per domain, in this order: gross joules, net joules, average power.</summary>
    public static IReadOnlyList<string> PerDomain { get; } = [JoulesPerResponse, JoulesPerResponseNet, AveragePowerW];

    /// <summary>
    /// The name of <paramref name="metric"/> (one of <see cref="PerDomain"/>) for one energy domain:
    /// <c>joulesPerResponse.gpu</c>, <c>joulesPerResponseNet.cpu</c>, <c>averagePowerW.ane</c>.
    /// </summary>
    public static string ForDomain(string metric, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return $"{metric}.{domain}";
    }
}

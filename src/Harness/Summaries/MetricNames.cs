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

    /// <summary>Per request: the median of its inter-token (chunk) gaps, s (<see cref="Backends.Streaming.StreamTimings.ItlP50S"/>); summarised as the mean over requests.</summary>
    public const string ItlP50S = "itlP50S";

    /// <summary>Per request: the 95th percentile of its inter-token gaps, s; summarised as the mean over requests.</summary>
    public const string ItlP95S = "itlP95S";

    /// <summary>Per request: its longest inter-token gap, s.</summary>
    public const string ItlMaxS = "itlMaxS";

    /// <summary>Per request: TPOT = (E2E - TTFT) / (output tokens - 1), s.</summary>
    public const string TimePerOutputTokenS = "timePerOutputTokenS";

    /// <summary>Per request: decode rate = (output tokens - 1) / (E2E - TTFT), tokens/s.</summary>
    public const string DecodeTokensPerSecond = "decodeTokensPerSecond";

    /// <summary>Per request split at its first token: prefill's gross total joules / prompt tokens, J/token.</summary>
    public const string PrefillJoulesPerPromptToken = "prefillJoulesPerPromptToken";

    /// <summary>Per request split at its first token: decode's gross total joules / output tokens after the first, J/token.</summary>
    public const string DecodeJoulesPerOutputToken = "decodeJoulesPerOutputToken";

    /// <summary>Per request's prefill pass (<c>Protocol:PrefillPass</c>): the pass's gross total joules / prompt tokens, J/token.</summary>
    public const string PassPrefillJoulesPerPromptToken = "passPrefillJoulesPerPromptToken";

    /// <summary>Per request's prefill pass: (full - pass) gross total joules / output tokens after the first, J/token.</summary>
    public const string PassDecodeJoulesPerOutputToken = "passDecodeJoulesPerOutputToken";

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

using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Summaries;

/// <summary>Hand-made case records with round figures, for the summary and baseline tests.</summary>
internal static class SummaryCases
{
    public const string Model = "Llama 3.2 1B Instruct";

    public static EnergyProvenance Measured { get; } =
        new("powermetrics", [Domains.Cpu, Domains.Gpu, Domains.Total], EnergyMethod.Measured, "processor.*_energy", "Apple's estimates");

    public static EnergyProvenance Estimated { get; } =
        new("estimate", [Domains.Cpu, Domains.Total], EnergyMethod.Estimated, "/proc/stat utilization", "a linear power model");

    /// <summary>
    /// A case of <paramref name="seconds"/> wall time producing <paramref name="tokens"/> tokens for <paramref name="joules"/> J,
    /// a quarter of them in the cpu domain and three quarters in the gpu domain (net of idle: the total only);
    /// its text <see cref="Response"/> of tokens / 2 words (integer division).
    /// </summary>
    public static CaseRecord Case(
        int ordinal, double joules, int tokens, double seconds, string outcome = "passed", EnergyProvenance? meter = null,
        double? netJoules = null, bool timings = true, int repetition = 1, string model = Model)
    {
        var words = tokens / 2;
        var text = Response(words);
        return new()
        {
            RunId = "20261126-101500-fake",
            Model = model,
            PromptOrdinal = ordinal,
            PromptDatasetIndex = ordinal * 10,
            Repetition = repetition,
            PromptText = $"prompt {ordinal}",
            Outcome = outcome,
            Problems = outcome == "passed" ? [] : ["timed out"],
            Completion = new CompletionResult
            {
                RequestedModel = model,
                ServedModel = model,
                Text = text,
                StartS = 10,
                EndS = 10 + seconds,
                PromptTokens = 5,
                CompletionTokens = tokens,
                PromptTokensSource = TokenCountSource.ServerUsage,
                CompletionTokensSource = TokenCountSource.ServerUsage,
                WordCount = words,
                CharacterCount = words == 0 ? 3 : 7 * words,
                FinishReason = "stop",
                TimeToFirstTokenS = timings ? seconds / 10 : null,
                PrefillS = timings ? seconds / 20 : null,
                DecodeS = timings ? seconds * 0.9 : null,
            },
            TokensPerSecond = tokens / seconds,
            WordsPerSecond = words / seconds,
            Energy = new CaseEnergy(
            meter ?? Measured,
            new WindowEnergy(10, 10 + seconds, new Dictionary<string, DomainEnergy>
            {
                [Domains.Cpu] = new(joules / 4, joules / 4 / seconds, joules / 2 / seconds),
                [Domains.Gpu] = new(joules * 3 / 4, joules * 3 / 4 / seconds, joules * 3 / 2 / seconds),
                [Domains.Total] = new(joules, joules / seconds, 2 * joules / seconds),
            }, 10, 1))
            {
                NetJoules = netJoules is { } net ? new Dictionary<string, double> { [Domains.Total] = net } : null,
            },
        };
    }

    /// <summary>
    /// A response of exactly <paramref name="words"/> words by any rule (plain ASCII words, single spaces, no hyphen or
    /// apostrophe): "energy energy energy." (7 characters a word), or "..." (no word, 3 characters) for none.
    /// </summary>
    public static string Response(int words) => words == 0 ? "..." : string.Join(' ', Enumerable.Repeat("energy", words)) + ".";

    /// <summary>
    /// J 10, 20, 30 for 10, 10, 60 tokens in 1, 2, 3 s: J/token 1, 2, 0.5, so the ratio of totals is 60 / 80 = 0.75
    /// and the mean of ratios 3.5 / 3 = 1.1666...; net of idle 8, 16, 24 J.
    /// </summary>
    public static CaseRecord[] Differing(EnergyProvenance? meter = null) =>
    [
        Case(0, joules: 10, tokens: 10, seconds: 1, meter: meter, netJoules: 8),
        Case(1, joules: 20, tokens: 10, seconds: 2, meter: meter, netJoules: 16),
        Case(2, joules: 30, tokens: 60, seconds: 3, meter: meter, netJoules: 24),
    ];
}

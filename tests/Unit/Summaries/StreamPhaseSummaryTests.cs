using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Unit.Summaries;

/// <summary>
/// The streaming and phase figures of a summary, by hand: case A streams tokens at 10.2, 10.3, 10.5 s of a [10, 11] s request
/// (gaps 0.1, 0.2: p50 0.15, p95 0.195, max 0.2; TPOT 0.8 / 2 = 0.4 s; 2.5 tok/s); case B at 10.4, 10.5, 10.6, 10.9 s (gaps 0.1,
/// 0.1, 0.3: p50 0.1, p95 0.28, max 0.3; TPOT 0.2 s; 5 tok/s); case C does not stream. Split: A prefill 2 J / 5 prompt tokens,
/// decode 6 J / 2 tokens after the first; B prefill too short, decode 9 J / 3 tokens.
/// </summary>
public sealed class StreamPhaseSummaryTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void Of_SomeCasesStreamed_SummarisesTheCasesThatHaveEachFigure()
    {
        // Act
        var s = ModelSummaries.Of(SummaryCases.Model, Cases());

        // Assert
        s.Metrics[MetricNames.ItlP50S].Mean.Should().BeApproximately(0.125, Precision);
        s.Metrics[MetricNames.ItlP50S].N.Should().Be(2, "case C did not stream");
        s.Metrics[MetricNames.ItlP95S].Mean.Should().BeApproximately((0.195 + 0.28) / 2, Precision);
        s.Metrics[MetricNames.ItlMaxS].Mean.Should().BeApproximately(0.25, Precision);
        s.Metrics[MetricNames.TimePerOutputTokenS].Mean.Should().BeApproximately(0.3, Precision);
        s.Metrics[MetricNames.DecodeTokensPerSecond].Mean.Should().BeApproximately(3.75, Precision);
        s.Metrics[MetricNames.DecodeTokensPerSecond].CiLow.Should().BeInRange(2.5, 3.75);
        s.Metrics[MetricNames.DecodeTokensPerSecond].CiHigh.Should().BeInRange(3.75, 5);
        s.Metrics[MetricNames.PrefillJoulesPerPromptToken].Mean.Should().BeApproximately(0.4, Precision);
        s.Metrics[MetricNames.PrefillJoulesPerPromptToken].N.Should().Be(1, "B's prefill was too short to measure");
        s.Metrics[MetricNames.DecodeJoulesPerOutputToken].Mean.Should().BeApproximately(3, Precision);
        s.Metrics[MetricNames.DecodeJoulesPerOutputToken].N.Should().Be(2);
        s.Metrics.Should().NotContainKey(MetricNames.PassPrefillJoulesPerPromptToken, "no case ran a prefill pass");
    }

    [Fact]
    public void Of_NoCaseStreamed_HasNoneOfTheFigures()
    {
        // Act
        var s = ModelSummaries.Of(SummaryCases.Model, [SummaryCases.Case(0, 10, 10, 1), SummaryCases.Case(1, 20, 10, 2)]);

        // Assert
        s.Metrics.Keys.Should().NotContain([MetricNames.ItlP50S, MetricNames.ItlP95S, MetricNames.ItlMaxS, MetricNames.TimePerOutputTokenS,
            MetricNames.DecodeTokensPerSecond, MetricNames.PrefillJoulesPerPromptToken, MetricNames.DecodeJoulesPerOutputToken]);
    }

    [Fact]
    public void Format_SomeCasesStreamed_ShowsTheFiguresAndHowManyCasesHadThem()
    {
        // Act
        var text = SummaryText.Format(ModelSummaries.Of(SummaryCases.Model, Cases()));

        // Assert
        text.Should().Contain("\n  ITL p50 s (mean over requests): mean 0.125 [")
            .And.Contain("(n = 2 of 3)")
            .And.Contain("\n  prefill J/prompt token: mean 0.4 [0.4, 0.4]")
            .And.Contain("(n = 1 of 3)")
            .And.Contain("\n  decode J/output token: mean 3 [3, 3]");
    }

    private static CaseRecord[] Cases() =>
    [
        Streamed(SummaryCases.Case(0, 10, 3, 1), [10.2, 10.3, 10.5], Split(Phase(PhaseNames.Prefill, 2, 5), Phase(PhaseNames.Decode, 6, 2))),
        Streamed(SummaryCases.Case(1, 12, 4, 1), [10.4, 10.5, 10.6, 10.9],
            Split(Phase(PhaseNames.Prefill, null, 5, "too short: 0.032 s is 0.32 of the 0.1 s meter interval; needs >= 2 intervals"), Phase(PhaseNames.Decode, 9, 3))),
        SummaryCases.Case(2, 14, 5, 1),
    ];

    private static CaseRecord Streamed(CaseRecord c, double[] arrivals, PhaseSplit split) => c with
    {
        Completion = c.Completion! with
        {
            Stream = StreamTimings.From(c.Completion.StartS, c.Completion.EndS, [.. arrivals.Select(a => new ChunkArrival(a, 1))], null, TokenCountSource.EngineCount),
        },
        Phases = new CasePhases { Split = split },
    };

    private static PhaseSplit Split(PhaseEnergy prefill, PhaseEnergy decode) => new(PhaseNames.SplitAtFirstToken, "pro rata", prefill, decode);

    private static PhaseEnergy Phase(string phase, double? joules, int tokens, string? problem = null) => new()
    {
        Phase = phase,
        StartS = 10,
        EndS = 11,
        DurationS = 1,
        Tokens = tokens,
        Problem = problem,
        Joules = joules is { } j ? new Dictionary<string, double> { [Domains.Total] = j } : null,
    };
}

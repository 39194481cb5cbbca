using SlmEnergyBench.Benchmarks.Engine;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Unit.Suite;

namespace SlmEnergyBench.Unit.Benchmarks.Engine;

public sealed class DecodeRateComparisonTests
{
    private const string Counters = "llama.cpp llama_perf_context";

    [Fact]
    public void Of_AnswerRunToItsLength_RatesDifferenceAndOverheadAsComputedByHand()
    {
        // Arrange: 64 tokens, the last 63 in 0.63 s by the clock; llama.cpp: 63 single-token decodes in 600 ms.
        var engine = new EngineTimings(Counters, 10, 5, 63, 600);

        // Act
        var comparison = DecodeRateComparison.Of(64, 0.63, engine);

        // Assert: 63 / 0.63 = 100 tok/s; 63 / 0.6 = 105 tok/s; 100 / 105 - 1 = -4.7619 %; (0.63 - 0.6) / 63 s = 476.19 µs.
        comparison.ClockTokensPerSecond.Should().BeApproximately(100, 1e-9);
        comparison.EngineTokensPerSecond.Should().BeApproximately(105, 1e-9);
        comparison.DifferencePercent.Should().BeApproximately(-4.761905, 1e-6);
        comparison.OverheadMicrosecondsPerToken.Should().BeApproximately(476.190476, 1e-6);
    }

    [Fact]
    public void Of_HarnessResult_UsesTheStreamsDecodeWindow()
    {
        // Arrange: 5 tokens arriving at 0.2, 0.4, ..., 1.0 s of a request that ends at 1.0 s; llama.cpp: 4 decodes in 700 ms.
        var arrivals = new[] { 0.2, 0.4, 0.6, 0.8, 1.0 }.Select(t => new ChunkArrival(t, 1)).ToArray();
        var result = CaseValidatorTests.Completion() with
        {
            Stream = StreamTimings.From(0, 1.0, arrivals, null, TokenCountSource.EngineCount),
            Engine = new EngineTimings(Counters, 8, 40, 4, 700),
        };

        // Act
        var comparison = DecodeRateComparison.Of(result);

        // Assert: 4 tokens after the first in 0.8 s = 5 tok/s (the stream's own rate); 4 / 0.7 s = 5.714 tok/s; 5 / 5.714 - 1 = -12.5 %.
        comparison.ClockTokensPerSecond.Should().BeApproximately(5, 1e-9).And.BeApproximately(result.Stream!.DecodeTokensPerSecond!.Value, 1e-9);
        comparison.EngineTokensPerSecond.Should().BeApproximately(4 / 0.7, 1e-9);
        comparison.DifferencePercent.Should().BeApproximately(-12.5, 1e-9);
    }

    [Fact]
    public void Of_AnswerEndedByEndOfGeneration_ThrowsNamingTheMismatchedCounts()
    {
        // Arrange: the last delivered token was decoded too (to sample the end-of-generation token): n_eval = tokens.
        var engine = new EngineTimings(Counters, 10, 5, 48, 500);

        // Act
        var act = () => DecodeRateComparison.Of(48, 0.52, engine);

        // Assert
        act.Should().Throw<InvalidOperationException>().WithMessage("*decoded 48 token(s) for 48 delivered, not 47*finish 'length'*");
    }

    [Fact]
    public void Of_NoEngineDecodeTime_ThrowsSayingWhy()
    {
        var act = () => DecodeRateComparison.Of(64, 0.63, new EngineTimings(Counters, 10, 5, 63, 0));

        act.Should().Throw<InvalidOperationException>().WithMessage("*no decode time*");
    }

    [Fact]
    public void Of_OneToken_ThrowsAskingForMoreTokens()
    {
        var act = () => DecodeRateComparison.Of(1, 0.1, new EngineTimings(Counters, 10, 5, 0, 0));

        act.Should().Throw<InvalidOperationException>().WithMessage("*two tokens or more*");
    }
}

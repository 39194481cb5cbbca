using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;

namespace SlmEnergyBench.Unit.Backends.Streaming;

/// <summary>
/// <see cref="StreamTimings.From"/> against figures computed by hand from the field's definitions
/// (shared/reference/serving-metrics.md); the ITL percentiles checked with Python's
/// <c>statistics.quantiles([0.05, 0.08, 0.02, 0.10], n=20, method="inclusive")</c> (type 7): p50 0.065, p95 0.097.
/// </summary>
public sealed class StreamTimingsTests
{
    private const double Precision = 1e-9;

    /// <summary>Sent at 10 s; tokens at 10.25, 10.30, 10.38, 10.40, 10.50 s; last byte at 10.52 s.</summary>
    private static readonly ChunkArrival[] FiveTokens =
        [new(10.25, 1), new(10.30, 1), new(10.38, 1), new(10.40, 1), new(10.50, 1)];

    [Fact]
    public void From_FiveSingleTokenChunks_GivesHandComputedTtftItlTpotAndRate()
    {
        // Act
        var t = StreamTimings.From(10.0, 10.52, FiveTokens, null, TokenCountSource.ServerUsage)!;

        // Assert: gaps 0.05, 0.08, 0.02, 0.10 s.
        t.TimeToFirstTokenS.Should().BeApproximately(0.25, Precision);
        t.EndToEndS.Should().BeApproximately(0.52, Precision);
        t.ChunkOffsetsS.Should().Equal([0.25, 0.30, 0.38, 0.40, 0.50], (a, b) => Math.Abs(a - b) < Precision);
        t.ItlMeanS.Should().BeApproximately(0.0625, Precision);
        t.ItlP50S.Should().BeApproximately(0.065, Precision);
        t.ItlP95S.Should().BeApproximately(0.097, Precision);
        t.ItlMaxS.Should().BeApproximately(0.10, Precision);
        t.OutputTokens.Should().Be(5);
        t.OutputTokensSource.Should().Be(TokenCountSource.EngineCount, "no server count was given, so the chunks were counted");
        t.TimePerOutputTokenS.Should().BeApproximately(0.27 / 4, Precision);
        t.DecodeTokensPerSecond.Should().BeApproximately(4 / 0.27, 1e-6);
    }

    [Fact]
    public void From_ServerCountGiven_UsesItForTpotAndRate()
    {
        // Act: the server says 8 tokens came in these 5 chunks.
        var t = StreamTimings.From(10.0, 10.52, FiveTokens, 8, TokenCountSource.ServerUsage)!;

        // Assert
        t.OutputTokens.Should().Be(8);
        t.OutputTokensSource.Should().Be(TokenCountSource.ServerUsage);
        t.TimePerOutputTokenS.Should().BeApproximately(0.27 / 7, Precision);
        t.DecodeTokensPerSecond.Should().BeApproximately(7 / 0.27, 1e-6);
        t.ItlP50S.Should().BeApproximately(0.065, Precision, "ITL stays the chunk gaps, whatever the token count");
    }

    [Fact]
    public void From_ChunksCarryingSeveralTokens_CountsTheirTokens()
    {
        // Act
        var t = StreamTimings.From(0, 1, [new(0.4, 1), new(0.6, 3), new(0.9, 2)], null, TokenCountSource.EngineCount)!;

        // Assert: 6 tokens; TPOT (1 - 0.4) / 5.
        t.OutputTokens.Should().Be(6);
        t.ChunkTokens.Should().Equal(1, 3, 2);
        t.TimePerOutputTokenS.Should().BeApproximately(0.12, Precision);
        t.ItlMaxS.Should().BeApproximately(0.3, Precision);
    }

    [Fact]
    public void From_OneToken_HasTtftButNoItlOrTpot()
    {
        // Act
        var t = StreamTimings.From(2, 2.5, [new(2.3, 1)], null, TokenCountSource.EngineCount)!;

        // Assert
        t.TimeToFirstTokenS.Should().BeApproximately(0.3, Precision);
        t.ItlP50S.Should().BeNull();
        t.ItlMaxS.Should().BeNull();
        t.TimePerOutputTokenS.Should().BeNull();
        t.DecodeTokensPerSecond.Should().BeNull();
    }

    [Fact]
    public void From_NoContentChunk_IsNull()
    {
        // Act
        var t = StreamTimings.From(0, 1, [], null, TokenCountSource.EngineCount);

        // Assert
        t.Should().BeNull("without a first token there is no TTFT");
    }
}

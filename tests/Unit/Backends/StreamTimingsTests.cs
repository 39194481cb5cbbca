using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;

namespace SlmEnergyBench.Unit.Backends;

/// <summary>The streaming figures by the field's definitions (shared/reference/serving-metrics.md), on arrivals computed by hand.</summary>
public sealed class StreamTimingsTests
{
    [Fact]
    public void From_FiveChunksOneCarryingTwoTokens_GivesTheFieldsFigures()
    {
        // Arrange: sent at 10.000 s; chunks at +0.100, +0.120, +0.150, +0.160, +0.200 s (the third carries 2 tokens); last byte at +0.210 s.
        var arrivals = new[] { new ChunkArrival(10.100, 1), new ChunkArrival(10.120, 1), new ChunkArrival(10.150, 2), new ChunkArrival(10.160, 1), new ChunkArrival(10.200, 1) };

        // Act
        var counted = StreamTimings.From(10.0, 10.210, arrivals, null, TokenCountSource.ServerUsage)!;
        var fromServer = StreamTimings.From(10.0, 10.210, arrivals, 7, TokenCountSource.ServerUsage)!;

        // Assert: gaps 20, 30, 10, 40 ms; sorted 10, 20, 30, 40: p50 = 25 ms, p95 (type 7: h = 2.85) = 30 + 0.85 x 10 = 38.5 ms.
        counted.TimeToFirstTokenS.Should().BeApproximately(0.100, 1e-9);
        counted.EndToEndS.Should().BeApproximately(0.210, 1e-9);
        counted.ChunkOffsetsS.Should().Equal(0.1, 0.12, 0.15, 0.16, 0.2);
        counted.ItlMeanS!.Value.Should().BeApproximately(0.025, 1e-9);
        counted.ItlP50S!.Value.Should().BeApproximately(0.025, 1e-9);
        counted.ItlP95S!.Value.Should().BeApproximately(0.0385, 1e-9);
        counted.ItlMaxS!.Value.Should().BeApproximately(0.040, 1e-9);
        // 6 tokens counted from the chunks: TPOT = (0.210 - 0.100) / 5 = 22 ms; decode rate = 5 / 0.110 s.
        counted.OutputTokens.Should().Be(6);
        counted.OutputTokensSource.Should().Be(TokenCountSource.EngineCount);
        counted.TimePerOutputTokenS!.Value.Should().BeApproximately(0.022, 1e-9);
        counted.DecodeTokensPerSecond!.Value.Should().BeApproximately(5 / 0.110, 1e-6);
        // The server's count (7) wins when given: TPOT = 0.110 / 6.
        fromServer.OutputTokens.Should().Be(7);
        fromServer.OutputTokensSource.Should().Be(TokenCountSource.ServerUsage);
        fromServer.TimePerOutputTokenS!.Value.Should().BeApproximately(0.110 / 6, 1e-9);
    }

    [Fact]
    public void From_NoContentChunk_IsNullAndOneChunkHasNoGaps()
    {
        StreamTimings.From(0, 1, [], null, TokenCountSource.Unavailable).Should().BeNull();
        var one = StreamTimings.From(0, 0.5, [new ChunkArrival(0.3, 1)], 1, TokenCountSource.ServerUsage)!;
        (one.ItlMeanS, one.ItlP95S, one.TimePerOutputTokenS, one.DecodeTokensPerSecond).Should().Be(((double?)null, (double?)null, (double?)null, (double?)null));
        one.TimeToFirstTokenS.Should().BeApproximately(0.3, 1e-9);
    }
}

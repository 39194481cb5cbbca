using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Unit.Sweeps;

/// <summary>Attribution, steady-state interval and token counting against sums worked out by hand in each test.</summary>
public sealed class PointEnergyTests
{
    private static MeterSample Sample(double start, double end, double joules) => new(start, end, new Dictionary<string, double> { [Domains.Total] = joules });

    private static WindowEnergy Window(double start, double end, double joules) =>
        new(start, end, new Dictionary<string, DomainEnergy> { [Domains.Total] = new(joules, joules / (end - start), joules / (end - start)) }, 2, 1);

    private static RequestSpan Span(double start, double end, int slot = 0) => new(start, end, slot, null, null);

    [Fact]
    public void Attribute_TwoOverlappingRequests_SharesEachSampleByActiveSecondsAndSumsToTheWindow()
    {
        // Sample 1 [0,1] 10 J: A active 1 s, B 0.5 s -> A 6.667, B 3.333. Sample 2 [1,2] 20 J: A 1 s, B 0.5 s -> A 13.333, B 6.667.
        var shares = PointEnergy.Attribute(Window(0, 2, 30), [Sample(0, 1, 10), Sample(1, 2, 20)], [Span(0, 2), Span(0.5, 1.5, 1)]);

        shares[0][Domains.Total].Should().BeApproximately(20, 1e-9);
        shares[1][Domains.Total].Should().BeApproximately(10, 1e-9);
    }

    [Fact]
    public void Attribute_WindowUnderAnotherEdgeRule_ScalesTheSharesToTheWindowsJoules()
    {
        // Raw shares 20 : 10 as above; the window (idle-attributed edges) holds 27 J -> 18 and 9.
        var shares = PointEnergy.Attribute(Window(0, 2, 27), [Sample(0, 1, 10), Sample(1, 2, 20)], [Span(0, 2), Span(0.5, 1.5, 1)]);

        shares.Select(s => s[Domains.Total]).Should().Equal([18.0, 9.0], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Attribute_EdgeSamples_CountOnlyTheirPartInsideTheWindow()
    {
        // [-0.5,0.5] 10 J: 5 J inside, all A's. [0.5,1.5] 10 J: A 0.5 s, B 0.5 s -> 5 each. [1.5,2.5] 10 J: 5 J inside, all B's.
        var shares = PointEnergy.Attribute(Window(0, 2, 20), [Sample(-0.5, 0.5, 10), Sample(0.5, 1.5, 10), Sample(1.5, 2.5, 10)],
            [Span(0, 1), Span(1, 2, 1)]);

        shares.Select(s => s[Domains.Total]).Should().Equal([10.0, 10.0], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Attribute_SampleWithNoRequestActive_IsSharedLikeTheRestOfTheWindow()
    {
        // A holds 4 J, B 2 J; the 6 J of the gap [0.4,0.6] go 2:1 as well -> A 8, B 4 of the window's 12.
        var shares = PointEnergy.Attribute(Window(0, 1, 12), [Sample(0, 0.4, 4), Sample(0.4, 0.6, 6), Sample(0.6, 1.0, 2)],
            [Span(0, 0.4), Span(0.6, 1.0, 1)]);

        shares.Select(s => s[Domains.Total]).Should().Equal([8.0, 4.0], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void SteadyInterval_TwoSlots_RunsFromTheLastSlotsFirstStartToTheFirstSlotsLastEnd()
    {
        var spans = new[] { Span(0, 1), Span(1, 3), Span(0.2, 2.5, 1) };

        var interval = PointEnergy.SteadyInterval(spans, 2, 0.2, out var reason);

        interval.Should().Be((0.2, 2.5));
        reason.Should().BeNull();
    }

    [Fact]
    public void SteadyInterval_Streamed_StartsAtTheLastSlotsFirstToken()
    {
        // Slot 0's first request: sent at 0, first token 0.3 s later; slot 1's: sent at 0.2, first token at 0.7. Start = 0.7.
        static StreamTimings Ttft(double ttft, double e2e) => new()
        {
            TimeToFirstTokenS = ttft,
            EndToEndS = e2e,
            ChunkOffsetsS = [ttft],
            ChunkTokens = [1],
            OutputTokens = 1,
            OutputTokensSource = TokenCountSource.EngineCount,
        };
        var spans = new[] { new RequestSpan(0, 1, 0, Ttft(0.3, 1), 1), new RequestSpan(1, 3, 0, Ttft(0.1, 2), 1), new RequestSpan(0.2, 2.5, 1, Ttft(0.5, 2.3), 1) };

        PointEnergy.SteadyInterval(spans, 2, 0.2, out _).Should().Be((0.7, 2.5));
    }

    [Fact]
    public void SteadyInterval_FewerRequestsThanSlots_IsNeverReached()
    {
        var interval = PointEnergy.SteadyInterval([Span(0, 1), Span(0, 1, 1)], 3, 0.2, out var reason);

        interval.Should().BeNull();
        reason.Should().StartWith("never reached: 2 request(s) answered on 2 of 3 slots");
    }

    [Fact]
    public void SteadyInterval_ShorterThanTwoMeterIntervals_IsTooShort()
    {
        var interval = PointEnergy.SteadyInterval([Span(0, 1), Span(0.9, 1.5, 1)], 2, 0.2, out var reason);

        interval.Should().BeNull();
        reason.Should().StartWith("too short: all 2 slots were busy together for 0.1 s");
    }

    [Fact]
    public void TokensIn_StreamedChunksCountedAtArrivalScaledToTheServersCount_OthersSpreadEvenly()
    {
        // Streamed: chunks at 10.5, 11.0, 11.5 s carrying 1 token each while the server counted 6 (x2); [10.6, 11.6) holds 11.0 and 11.5 -> 4.
        // Not streamed: 40 tokens over [10, 14]; 1 s of it inside -> 10. Total 14, partly estimated.
        var stream = new StreamTimings
        {
            TimeToFirstTokenS = 0.5,
            EndToEndS = 2,
            ChunkOffsetsS = [0.5, 1.0, 1.5],
            ChunkTokens = [1, 1, 1],
            OutputTokens = 6,
            OutputTokensSource = TokenCountSource.ServerUsage,
        };
        var spans = new[] { new RequestSpan(10, 12, 0, stream, 6), new RequestSpan(10, 14, 1, null, 40) };

        var (tokens, estimated) = PointEnergy.TokensIn(spans, 10.6, 11.6);

        tokens.Should().BeApproximately(14, 1e-9);
        estimated.Should().BeTrue();
    }
}

using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Unit.Fakes.Streaming;

/// <summary>A script's token times as a batching fake sets them one by one, against times worked out by hand.</summary>
public sealed class FakeTokenScriptTests
{
    [Fact]
    public void ScheduleNext_SpeedFactorChanges_EachGapIsGapOverTheFactorAtThatToken()
    {
        // Arrange: first token at 50 ms (10 load + 40 prefill), 10 ms gaps alone; 5 tokens.
        var script = new FakeTokenScript("m", "p", 8, 5, 0.010, 0.040, 0.010);

        // Act: alone, then at factor 0.5 (20 ms gaps) for two tokens, then 0.8 (12.5 ms).
        double[] due = [script.ScheduleNext(1), script.ScheduleNext(1), script.ScheduleNext(0.5), script.ScheduleNext(0.5), script.ScheduleNext(0.8)];

        // Assert: 50, 60, 80, 100, 112.5 ms; decode from the first to the last = 62.5 ms.
        due.Should().Equal([0.050, 0.060, 0.080, 0.100, 0.1125], (a, b) => Math.Abs(a - b) < 1e-12);
        script.TokenDueS.Should().Equal(due);
        script.OffsetOfToken(3).Should().Be(due[3]);
        script.DurationS.Should().Be(due[4]);
        script.DecodeS.Should().BeApproximately(0.0625, 1e-12);
    }

    [Fact]
    public void ScheduleNext_AloneThroughout_IsExactlyTheFixedScript()
    {
        // Arrange: gaps of 1/3 s are not exact in binary: the same arithmetic as the fixed script (first + index x gap) gives the same bits.
        var script = new FakeTokenScript("m", "p", 8, 30, 0, 0.1, 1.0 / 3);

        // Act
        var due = Enumerable.Range(0, 30).Select(_ => script.ScheduleNext()).ToList();

        // Assert
        due.Should().Equal(Enumerable.Range(0, 30).Select(i => 0.1 + (i * (1.0 / 3))));
        script.DecodeS.Should().Be(29 * (1.0 / 3));
    }

    [Fact]
    public void Sent_RealTimes_GiveFirstTokenAndRealGaps()
    {
        var script = new FakeTokenScript("m", "p", 8, 3, 0, 0.010, 0.005);

        script.Sent(0.0112);
        script.Sent(0.0165);
        script.Sent(0.0300);

        script.FirstTokenSentS.Should().Be(0.0112);
        script.TokenSentS.Should().Equal(0.0112, 0.0165, 0.0300);
        script.SentGapBeforeS(1).Should().BeApproximately(0.0053, 1e-12);
        script.SentGapBeforeS(2).Should().BeApproximately(0.0135, 1e-12);
        script.SentMeanGapS.Should().BeApproximately((0.0300 - 0.0112) / 2, 1e-12);
    }
}

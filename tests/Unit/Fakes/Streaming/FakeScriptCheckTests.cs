using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Fakes.Streaming;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Fakes.Streaming;

/// <summary>The check of measured streaming timings against a fake's script, on hand-made arrivals whose errors are known.</summary>
public sealed class FakeScriptCheckTests
{
    private static CaseRecord Record(string? runtime, string prompt, double startS, params double[] arrivalsS)
    {
        var stream = StreamTimings.From(startS, arrivalsS[^1] + 0.001, [.. arrivalsS.Select(a => new ChunkArrival(a, 1))], null, TokenCountSource.EngineCount)!;
        return new CaseRecord
        {
            RunId = "r",
            Model = "m",
            Runtime = runtime,
            PromptOrdinal = 0,
            PromptDatasetIndex = 0,
            PromptText = prompt,
            Outcome = "passed",
            Completion = new CompletionResult
            {
                RequestedModel = "m",
                ServedModel = "m",
                Text = "x",
                StartS = startS,
                EndS = arrivalsS[^1] + 0.001,
                PromptTokensSource = TokenCountSource.ServerUsage,
                CompletionTokensSource = TokenCountSource.ServerUsage,
                CompletionTokens = arrivalsS.Length,
                WordCount = 1,
                CharacterCount = 1,
                FinishReason = "stop",
                Stream = stream,
            },
        };
    }

    [Fact]
    public void Of_TwoRuntimesWithKnownErrors_GivesTheLargestOfEach()
    {
        // Arrange: scripts of TTFT 10 ms and gaps of 5 ms; the first case arrives 0.4 ms late at its first token and its gaps are
        // 5.0 and 6.0 ms (mean 5.5: 0.5 ms off; one gap 1 ms off); the other runtime's case is 1.2 ms early with exact gaps.
        var scripts = new Dictionary<string, IReadOnlyList<FakeTokenScript>>
        {
            ["a"] = [new FakeTokenScript("m", "warm-up", 3, 3, 0, 0.010, 0.005), new FakeTokenScript("m", "p", 3, 3, 0, 0.010, 0.005)],
            ["b"] = [new FakeTokenScript("m", "p", 3, 3, 0, 0.010, 0.005)],
        };
        var records = new[] { Record("a", "p", 1.0, 1.0104, 1.0154, 1.0214), Record("b", "p", 2.0, 2.0088, 2.0138, 2.0188) };

        // Act
        var check = FakeScriptCheck.Of(records, scripts);

        // Assert
        check.Cases.Should().Be(2);
        check.Unmatched.Should().Be(0);
        check.MaxTtftErrorS.Should().BeApproximately(0.0012, 1e-9);
        check.MeanTtftErrorS.Should().BeApproximately((0.0004 - 0.0012) / 2, 1e-9);
        check.MedianTtftErrorS.Should().BeApproximately((0.0004 - 0.0012) / 2, 1e-9, "the median of two is their mean");
        check.MeanFakeLateS.Should().Be(0, "these scripts have no record of when the first token went out: the scripted time stands");
        check.MaxMeanItlErrorS.Should().BeApproximately(0.0005, 1e-9);
        check.MaxGapErrorS.Should().BeApproximately(0.001, 1e-9);
        check.MedianGapErrorS.Should().BeApproximately(0, 1e-9, "three of the four gaps are exact");
        check.Within.Should().BeTrue();
        check.ToString().Should().Be("Streaming timings against the fakes' scripts over 2 cases: TTFT -0.40 ms median (-0.40 ms mean) after the fake sent its first token (which it did 0.00 ms after its script on average), " +
                                     "mean inter-token gap within 0.50 ms (bounds: 5 ms on TTFT's median, 2 ms on the gaps: met); single TTFTs within 1.20 ms, single gaps within 1.00 ms.");
    }

    [Fact]
    public void Of_TtftSixMillisecondsLateOnAverage_IsNotWithinAndACaseWithoutScriptIsCounted()
    {
        var scripts = new Dictionary<string, IReadOnlyList<FakeTokenScript>> { [""] = [new FakeTokenScript("m", "p", 3, 2, 0, 0.010, 0.005)] };

        var check = FakeScriptCheck.Of([Record(null, "p", 0, 0.016, 0.021), Record(null, "other", 0, 0.010, 0.015)], scripts);

        check.Should().BeEquivalentTo(new { Cases = 1, Unmatched = 1, Within = false });
        check.MaxTtftErrorS.Should().BeApproximately(0.006, 1e-9);
    }

    [Fact]
    public void Of_OneReaderTwentyFiveMillisecondsLateAmongSix_IsWithinByTheMedian()
    {
        // Arrange: six cases scripted at TTFT 10 ms; five seen 1.5 ms after it, one 25 ms after (a reader that woke late). The mean,
        // (5 x 1.5 + 25) / 6 = 5.417 ms, is past 5 ms; the median, 1.5 ms, is what the client's stamping does on every case.
        var scripts = new Dictionary<string, IReadOnlyList<FakeTokenScript>>
        {
            [""] = [.. Enumerable.Range(0, 6).Select(_ => new FakeTokenScript("m", "p", 3, 2, 0, 0.010, 0.005))],
        };
        var late = new[] { 0.0015, 0.0015, 0.025, 0.0015, 0.0015, 0.0015 };

        // Act
        var check = FakeScriptCheck.Of(late.Select((l, i) => Record(null, "p", i, i + 0.010 + l, i + 0.015 + l)), scripts);

        // Assert
        check.Cases.Should().Be(6);
        check.MeanTtftErrorS.Should().BeApproximately(0.0325 / 6, 1e-9);
        check.MedianTtftErrorS.Should().BeApproximately(0.0015, 1e-9);
        check.MaxTtftErrorS.Should().BeApproximately(0.025, 1e-9);
        check.Within.Should().BeTrue();
    }

    [Fact]
    public void Of_EveryCaseSixMillisecondsLate_IsNotWithin()
    {
        // A client stamping at the wrong event moves every case: the median moves with them.
        var scripts = new Dictionary<string, IReadOnlyList<FakeTokenScript>>
        {
            [""] = [.. Enumerable.Range(0, 5).Select(_ => new FakeTokenScript("m", "p", 3, 2, 0, 0.010, 0.005))],
        };

        var check = FakeScriptCheck.Of(Enumerable.Range(0, 5).Select(i => Record(null, "p", i, i + 0.016, i + 0.021)), scripts);

        check.MedianTtftErrorS.Should().BeApproximately(0.006, 1e-9);
        check.Within.Should().BeFalse();
    }

    [Fact]
    public void Of_MeanGapThreeMillisecondsOff_IsNotWithin()
    {
        var scripts = new Dictionary<string, IReadOnlyList<FakeTokenScript>> { [""] = [new FakeTokenScript("m", "p", 3, 2, 0, 0.010, 0.005)] };

        var check = FakeScriptCheck.Of([Record(null, "p", 0, 0.010, 0.018)], scripts);

        check.MaxMeanItlErrorS.Should().BeApproximately(0.003, 1e-9);
        check.MedianGapErrorS.Should().BeApproximately(0.003, 1e-9, "the one gap is 8 ms against 5");
        check.Within.Should().BeFalse();
    }

    [Fact]
    public void Of_FakeSentItsFirstTokenLate_TtftIsComparedWithWhenItReallyWentOut()
    {
        // The script said 10 ms; the fake's timer woke at 12.5 ms and the client saw it at 13 ms: 0.5 ms of HTTP, 2.5 ms of fake lateness.
        var script = new FakeTokenScript("m", "p", 3, 2, 0, 0.010, 0.005) { FirstTokenSentS = 0.0125 };

        var check = FakeScriptCheck.Of([Record(null, "p", 0, 0.013, 0.018)], new Dictionary<string, IReadOnlyList<FakeTokenScript>> { [""] = [script] });

        check.MeanTtftErrorS.Should().BeApproximately(0.0005, 1e-9);
        check.MeanFakeLateS.Should().BeApproximately(0.0025, 1e-9);
        check.Within.Should().BeTrue();
    }

    [Fact]
    public void Of_GapsThatChangedWithTheStreams_AreComparedWithTheFakesRealGaps()
    {
        // Arrange: scripted 5 ms gaps alone, but the fake (slowed as other streams came) really sent at 10, 15 and 30 ms; the client got
        // each 0.5 ms later. Against the fixed 5 ms the mean gap (10 ms) would be 5 ms off; against what the fake did it is exact.
        var script = new FakeTokenScript("m", "p", 3, 3, 0, 0.010, 0.005);
        script.Sent(0.010);
        script.Sent(0.015);
        script.Sent(0.030);

        // Act
        var check = FakeScriptCheck.Of([Record(null, "p", 0, 0.0105, 0.0155, 0.0305)], new Dictionary<string, IReadOnlyList<FakeTokenScript>> { [""] = [script] });

        // Assert
        check.MaxMeanItlErrorS.Should().BeApproximately(0, 1e-9);
        check.MaxGapErrorS.Should().BeApproximately(0, 1e-9);
        check.MeanTtftErrorS.Should().BeApproximately(0.0005, 1e-9);
        check.Within.Should().BeTrue();
    }
}

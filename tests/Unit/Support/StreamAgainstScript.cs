using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Fakes.Streaming;

namespace SlmEnergyBench.Unit.Support;

/// <summary>
/// The rule the wall-clock streaming tests hold a client's measured timings to, against what a streaming fake really did
/// (<see cref="FakeTokenScript.TokenSentS"/>): the Energy suite's own "Streaming" check (<see cref="FakeScriptCheck"/>: TTFT's median over
/// the answers within 5 ms, each answer's mean inter-token gap within 2 ms), the median single gap within 2 ms, and no
/// chunk seen before the fake sent it. Averages and medians, not each single figure: on a shared two-core machine one wake-up of the
/// client's reader now and then runs 10 to 20 ms late, which says nothing of how the client stamps chunks, while a client that stamps
/// at the wrong event, or reads chunks in batches, moves every answer's figures and fails.
/// </summary>
internal static class StreamAgainstScript
{
    /// <summary>Asserts the rule over <paramref name="pairs"/> (measured timings, the fake's script of the same answer) and prints the figures.</summary>
    public static void ShouldFollowTheFake(IReadOnlyList<(StreamTimings Stream, FakeTokenScript Script)> pairs, ITestOutputHelper? output = null)
    {
        pairs.Should().NotBeEmpty();
        var check = FakeScriptCheck.Of(pairs);
        output?.WriteLine($"{check} Median single-gap error {check.MedianGapErrorS * 1000:0.000} ms.");

        foreach (var (stream, script) in pairs)
        {
            stream.ChunkOffsetsS.Should().HaveCount(script.CompletionTokens);
            script.FirstTokenSentS.Should().NotBeNull("the fake records when it sent each token");
            stream.TimeToFirstTokenS.Should().BeGreaterThanOrEqualTo(script.FirstTokenSentS!.Value,
                "the client's clock starts before the request reaches the fake, and a chunk is read after the fake sent it");
        }

        check.Within.Should().BeTrue(check.ToString());
        check.MedianGapErrorS.Should().BeLessThanOrEqualTo(FakeScriptCheck.ToleranceS, "half the single gaps hold the issue's 2 ms");
    }
}

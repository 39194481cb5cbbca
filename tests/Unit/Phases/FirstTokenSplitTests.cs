using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Backends.Streaming;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Phases;

/// <summary>
/// The split at the first token against a scripted meter whose power is known in every 0.1 s sample: idle 2 W on the CPU;
/// prefill at 10 W over [1.05, 1.35] s; decode at 6 W over [1.35, 1.85] s. Expected joules computed by hand, sample by sample.
/// </summary>
public sealed class FirstTokenSplitTests
{
    private const double Precision = 1e-9;
    private const double RequestStartS = 1.05;
    private const double FirstTokenS = 1.35;
    private const double RequestEndS = 1.85;

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;

    public FirstTokenSplitTests() => _clock = new SessionClock(_time);

    private static readonly IdleMeasurement Idle = new("before m", 0, 0.5,
        new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Total] = 2 }, 5, 1);

    [Fact]
    public async Task MeasureAsync_IdleAttributedWindow_SplitsEachSampleByTheRule()
    {
        // Arrange
        await using var meter = await StartedMeterAsync(prefillUntilS: FirstTokenS);
        var whole = EdgeAttribution.Apply(await meter.MeasureAsync(RequestStartS, RequestEndS, Ct), Idle.PowerW);

        // Act
        var (split, missing) = await FirstTokenSplit.MeasureAsync(meter, Completion(FirstTokenS, 6), whole, Idle, Ct);

        // Assert, by hand:
        // prefill = start edge [1.0, 1.1] (0.05 s idle at 2 W + 0.05 s at 10 W = 0.6 J, less idle 2 W x 0.05 s outside = 0.5 J)
        //         + [1.1, 1.2] + [1.2, 1.3] (1.0 J each) + half of [1.3, 1.4] by time (0.05 x 10 + 0.05 x 6 = 0.8 J, half 0.4 J) = 2.9 J;
        // decode  = the other half 0.4 J + [1.4, 1.8] (4 x 0.6 J) + end edge [1.8, 1.9] (0.3 + 0.1 = 0.4 J, less idle 0.1 J = 0.3 J) = 3.1 J.
        missing.Should().BeNull();
        split!.Method.Should().Be(PhaseNames.SplitAtFirstToken);
        split.Prefill.Joules![Domains.Total].Should().BeApproximately(2.9, Precision);
        split.Prefill.Joules[Domains.Cpu].Should().BeApproximately(2.9, Precision);
        split.Decode.Joules![Domains.Total].Should().BeApproximately(3.1, Precision);
        (split.Prefill.Joules[Domains.Total] + split.Decode.Joules[Domains.Total]).Should().BeApproximately(whole.Domains[Domains.Total].Joules, Precision);
        split.Prefill.NetJoules![Domains.Total].Should().BeApproximately(2.9 - (2 * 0.3), Precision);
        split.Decode.NetJoules![Domains.Total].Should().BeApproximately(3.1 - (2 * 0.5), Precision);
        split.Prefill.Tokens.Should().Be(10);
        split.Prefill.JoulesPerToken.Should().BeApproximately(0.29, Precision, "2.9 J over 10 prompt tokens");
        split.Decode.Tokens.Should().Be(5, "6 output tokens, the first of which came out of prefill");
        split.Decode.JoulesPerToken.Should().BeApproximately(0.62, Precision, "3.1 J over the 5 tokens after the first");
        split.Decode.NetJoulesPerToken.Should().BeApproximately(0.42, Precision);
        split.Prefill.MeterIntervalS.Should().BeApproximately(0.1, Precision);
        split.Prefill.SampleCount.Should().Be(4);
        split.EdgeRule.Should().Contain("idle-attributed").And.Contain("pro rata between prefill and decode");
    }

    [Fact]
    public async Task MeasureAsync_ProRataWindow_SplitsEveryEdgeProRata()
    {
        // Arrange: no idle measured, so the window is pro rata at its edges too.
        await using var meter = await StartedMeterAsync(prefillUntilS: FirstTokenS);
        var whole = await meter.MeasureAsync(RequestStartS, RequestEndS, Ct);

        // Act
        var (split, _) = await FirstTokenSplit.MeasureAsync(meter, Completion(FirstTokenS, 6), whole, null, Ct);

        // Assert: prefill = half of 0.6 + 2 x 1.0 + half of 0.8 = 2.7 J; decode = 0.4 + 2.4 + half of 0.4 = 3.0 J; no net without idle.
        split!.Prefill.Joules![Domains.Total].Should().BeApproximately(2.7, Precision);
        split.Decode.Joules![Domains.Total].Should().BeApproximately(3.0, Precision);
        split.Prefill.NetJoules.Should().BeNull();
    }

    [Fact]
    public async Task MeasureAsync_PrefillShorterThanTwoIntervals_MarksItTooShortWithoutFigures()
    {
        // Arrange: the first token 0.032 s after the start.
        await using var meter = await StartedMeterAsync(prefillUntilS: 1.082);
        var whole = EdgeAttribution.Apply(await meter.MeasureAsync(RequestStartS, RequestEndS, Ct), Idle.PowerW);

        // Act
        var (split, _) = await FirstTokenSplit.MeasureAsync(meter, Completion(1.082, 6), whole, Idle, Ct);

        // Assert
        split!.Prefill.Valid.Should().BeFalse();
        split.Prefill.Problem.Should().Be("too short: 0.032 s is 0.32 of the 0.1 s meter interval; needs >= 2 intervals");
        split.Prefill.Joules.Should().BeNull("a figure that cannot be measured is absent, never zero");
        split.Prefill.NetJoules.Should().BeNull();
        split.Prefill.JoulesPerToken.Should().BeNull();
        split.Decode.Valid.Should().BeTrue("0.768 s of decode spans more than two 0.1 s intervals");
        split.Decode.Joules![Domains.Total].Should().BePositive();
    }

    [Fact]
    public async Task MeasureAsync_BackendWithoutStream_GivesNoSplitAndSaysWhy()
    {
        // Arrange
        await using var meter = await StartedMeterAsync(prefillUntilS: FirstTokenS);
        var whole = await meter.MeasureAsync(RequestStartS, RequestEndS, Ct);

        // Act
        var (split, missing) = await FirstTokenSplit.MeasureAsync(meter, Completion(FirstTokenS, 6) with { Stream = null }, whole, null, Ct);

        // Assert
        split.Should().BeNull();
        missing.Should().Contain("does not stream").And.Contain("Protocol:PrefillPass");
    }

    [Fact]
    public async Task MeasureAsync_MeterWithoutTheWholeRun_SplitsFromTheWindowsSamplesAlone()
    {
        // Arrange: the meter of the first test, but its whole-run sample list is off limits.
        await using var meter = new WindowOnlyMeter(await StartedMeterAsync(prefillUntilS: FirstTokenS));
        var whole = EdgeAttribution.Apply(await meter.MeasureAsync(RequestStartS, RequestEndS, Ct), Idle.PowerW);

        // Act
        var (split, missing) = await FirstTokenSplit.MeasureAsync(meter, Completion(FirstTokenS, 6), whole, Idle, Ct);

        // Assert: the same figures as there (2.9 J and 3.1 J, by hand), each phase's interval from its own samples.
        missing.Should().BeNull();
        split!.Prefill.Joules![Domains.Total].Should().BeApproximately(2.9, Precision);
        split.Decode.Joules![Domains.Total].Should().BeApproximately(3.1, Precision);
        split.Prefill.MeterIntervalS.Should().BeApproximately(0.1, Precision);
        split.Decode.MeterIntervalS.Should().BeApproximately(0.1, Precision);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A meter started at 0 s with the trace of the class summary (prefill until <paramref name="prefillUntilS"/>), 3 s of samples taken.</summary>
    private async Task<ScriptedPowerMeter> StartedMeterAsync(double prefillUntilS)
    {
        var trace = new ScriptedPowerTrace(
            new Dictionary<string, double> { [Domains.Cpu] = 2 },
            [
                new ScriptedPowerSegment(RequestStartS, prefillUntilS, new Dictionary<string, double> { [Domains.Cpu] = 10 }),
                new ScriptedPowerSegment(prefillUntilS, RequestEndS, new Dictionary<string, double> { [Domains.Cpu] = 6 }),
            ]);
        var meter = new ScriptedPowerMeter(_clock, trace, periodS: 0.1);
        await meter.StartAsync(Ct);
        _time.Advance(TimeSpan.FromSeconds(3));
        return meter;
    }

    /// <summary>A streamed answer of <paramref name="tokens"/> tokens over the request, the first at <paramref name="firstS"/>, the last at its end.</summary>
    private static CompletionResult Completion(double firstS, int tokens)
    {
        var arrivals = Enumerable.Range(0, tokens)
            .Select(i => new ChunkArrival(firstS + ((RequestEndS - firstS) * i / (tokens - 1)), 1)).ToArray();
        return new CompletionResult
        {
            RequestedModel = "m",
            ServedModel = "m",
            Text = "six words of a streamed answer",
            StartS = RequestStartS,
            EndS = RequestEndS,
            PromptTokens = 10,
            CompletionTokens = tokens,
            PromptTokensSource = TokenCountSource.EngineCount,
            CompletionTokensSource = TokenCountSource.EngineCount,
            WordCount = 6,
            CharacterCount = 30,
            FinishReason = "length",
            Stream = StreamTimings.From(RequestStartS, RequestEndS, arrivals, null, TokenCountSource.EngineCount),
        };
    }
}

using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Unit.Phases;

/// <summary>
/// The prefill pass's arithmetic on hand-made windows: the full request [10, 12] s with 30 J, the pass [20, 20.5] s with 4 J,
/// 0.1 s meter samples, idle 2 W; 8 prompt tokens, 14 output tokens.
/// </summary>
public sealed class PrefillPassSplitTests
{
    private const double Precision = 1e-9;

    private static readonly IdleMeasurement Idle = new("before m", 0, 5,
        new Dictionary<string, double> { [Domains.Cpu] = 2, [Domains.Total] = 2 }, 50, 1);

    private static readonly MeterSample[] Samples =
        [.. Enumerable.Range(0, 300).Select(i => new MeterSample(i * 0.1, (i + 1) * 0.1, new Dictionary<string, double> { [Domains.Cpu] = 1 }))];

    [Fact]
    public void Of_ValidPass_PrefillIsThePassAndDecodeTheRest()
    {
        // Act
        var split = PrefillPassSplit.Of(Window(10, 12, 30), 14, Window(20, 20.5, 4), 8, Idle, Samples, null);

        // Assert: prefill 4 J / 8 prompt tokens; decode 30 - 4 = 26 J over 2 - 0.5 = 1.5 s and the 13 tokens after the first.
        split.Method.Should().Be(PhaseNames.PrefillPass);
        split.Prefill.Joules![Domains.Total].Should().BeApproximately(4, Precision);
        split.Prefill.JoulesPerToken.Should().BeApproximately(0.5, Precision);
        split.Prefill.NetJoules![Domains.Total].Should().BeApproximately(4 - (2 * 0.5), Precision);
        split.Decode.Joules![Domains.Total].Should().BeApproximately(26, Precision);
        split.Decode.DurationS.Should().BeApproximately(1.5, Precision);
        split.Decode.Tokens.Should().Be(13);
        split.Decode.JoulesPerToken.Should().BeApproximately(2, Precision);
        split.Decode.NetJoules![Domains.Total].Should().BeApproximately(26 - (2 * 1.5), Precision, "full net (30 - 4) - pass net (4 - 1)");
    }

    [Fact]
    public void Of_PassWithProblem_NeitherPhaseHasFigures()
    {
        // Act
        var split = PrefillPassSplit.Of(Window(10, 12, 30), 14, Window(20, 20.5, 4), 8, Idle, Samples, "the server took 8 prompt tokens of the prefill pass from its cache");

        // Assert
        split.Prefill.Problem.Should().Contain("from its cache");
        split.Prefill.Joules.Should().BeNull();
        split.Decode.Problem.Should().StartWith("no decode: the prefill pass has no figure");
        split.Decode.Joules.Should().BeNull();
    }

    [Fact]
    public void Of_PassShorterThanTwoIntervals_IsTooShort()
    {
        // Act: a 0.15 s pass with 0.1 s samples.
        var split = PrefillPassSplit.Of(Window(10, 12, 30), 14, Window(20, 20.15, 2), 8, Idle, Samples, null);

        // Assert
        split.Prefill.Problem.Should().Be("too short: 0.15 s is 1.5 of the 0.1 s meter interval; needs >= 2 intervals");
        split.Decode.Valid.Should().BeFalse();
    }

    [Fact]
    public void Of_PassLongerThanTheFullRequest_LeavesNoDecode()
    {
        // Act
        var split = PrefillPassSplit.Of(Window(10, 10.4, 5), 3, Window(20, 20.5, 4), 8, Idle, Samples, null);

        // Assert
        split.Prefill.Valid.Should().BeTrue();
        split.Decode.Problem.Should().Be("no decode: the prefill pass took 0.5 s, the full request 0.4 s: nothing is left for decode");
    }

    /// <summary>A CPU-only window whose total is the CPU's <paramref name="joules"/>.</summary>
    private static WindowEnergy Window(double startS, double endS, double joules) => new(
        startS, endS,
        new Dictionary<string, DomainEnergy>
        {
            [Domains.Cpu] = new(joules, joules / (endS - startS), joules / (endS - startS)),
            [Domains.Total] = new(joules, joules / (endS - startS), joules / (endS - startS)),
        },
        (int)Math.Round((endS - startS) / 0.1) + 1, 1);
}

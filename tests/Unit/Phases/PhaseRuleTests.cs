using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Phases;

namespace SlmEnergyBench.Unit.Phases;

public sealed class PhaseRuleTests
{
    [Theory]
    [InlineData(0.2, 0.1)]
    [InlineData(0.35, 0.1)]
    [InlineData(0.22, 0.105)]
    public void TooShort_AtLeastTwoIntervals_IsNull(double durationS, double intervalS) =>
        PhaseRule.TooShort(durationS, intervalS).Should().BeNull();

    [Fact]
    public void TooShort_UnderTwoIntervals_SaysTheFigures() =>
        PhaseRule.TooShort(0.032, 0.1).Should().Be("too short: 0.032 s is 0.32 of the 0.1 s meter interval; needs >= 2 intervals");

    [Fact]
    public void TooShort_JustUnderTwoRealIntervals_IsTooShort() =>
        PhaseRule.TooShort(0.2, 0.105).Should().Be("too short: 0.2 s is 1.9 of the 0.105 s meter interval; needs >= 2 intervals");

    [Fact]
    public void IntervalS_TakesTheLongestOverlappingSample()
    {
        // Arrange: samples of 0.1, 0.11 and 0.2 s; the window [0.15, 0.2] overlaps the first two only.
        MeterSample[] samples =
        [
            new(0, 0.1, new Dictionary<string, double>()),
            new(0.1, 0.21, new Dictionary<string, double>()),
            new(0.21, 0.41, new Dictionary<string, double>()),
        ];

        // Act & Assert
        PhaseRule.IntervalS(samples, 0.05, 0.2).Should().BeApproximately(0.11, 1e-12);
        PhaseRule.IntervalS(samples, 1, 2).Should().BeNull();
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed class SampleChainPlacerTests
{
    private const double Precision = 1e-9;

    private static readonly Dictionary<string, double> OneJoule = new() { [Domains.Cpu] = 1 };

    [Fact]
    public void Place_SamplesArrivingOnTime_FormContiguousChainEndingAtArrivals()
    {
        // Arrange
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline);

        // Act: 0.105 s samples arriving exactly when they end.
        placer.Place(0.105, 1.105, OneJoule);
        placer.Place(0.105, 1.210, OneJoule);
        placer.Place(0.105, 1.315, OneJoule);

        // Assert
        var s = timeline.Samples;
        s.Select(x => x.EndS).Should().Equal([1.105, 1.210, 1.315], (a, b) => Math.Abs(a - b) < Precision);
        s[1].StartS.Should().Be(s[0].EndS);
        s[2].StartS.Should().Be(s[1].EndS);
        placer.SegmentCount.Should().Be(1);
    }

    [Fact]
    public void Place_LateArrivals_UseTheLeastDelayedOne()
    {
        // Arrange: true ends at 1.1, 1.2, 1.3; delays 30 ms, 2 ms, 15 ms.
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline);

        // Act
        placer.Place(0.1, 1.130, OneJoule);
        placer.Place(0.1, 1.202, OneJoule);
        placer.Place(0.1, 1.315, OneJoule);

        // Assert: anchor = min(1.13 - 0.1, 1.202 - 0.2, 1.315 - 0.3) = 1.002; earlier samples moved with it.
        timeline.Samples.Select(x => x.EndS).Should().Equal([1.102, 1.202, 1.302], (a, b) => Math.Abs(a - b) < Precision);
        timeline.FirstStartS.Should().BeApproximately(1.002, Precision);
    }

    [Fact]
    public void Place_BurstDeliveredAtOnce_IsPlacedByItsLastMember()
    {
        // Arrange: three 0.1 s samples, the pipe delivered them together at 2.0.
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline);

        // Act
        foreach (var _ in Enumerable.Range(0, 3))
            placer.Place(0.1, 2.0, OneJoule);

        // Assert
        var s = timeline.Samples;
        s.Select(x => x.StartS).Should().Equal([1.7, 1.8, 1.9], (a, b) => Math.Abs(a - b) < Precision);
        s.Select(x => x.EndS).Should().Equal([1.8, 1.9, 2.0], (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Break_AfterCorruptSample_StartsNewSegmentLeavingAGap()
    {
        // Arrange
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline);
        placer.Place(0.1, 1.1, OneJoule);

        // Act: the sample ending at 1.2 was corrupt; the next one ends at 1.3.
        placer.Break();
        placer.Place(0.1, 1.3, OneJoule);

        // Assert
        var s = timeline.Samples;
        s[1].StartS.Should().BeApproximately(1.2, Precision);
        timeline.Integrate(1.0, 1.3).Coverage.Should().BeApproximately(2.0 / 3.0, Precision);
        placer.SegmentCount.Should().Be(2);
    }

    [Fact]
    public void Place_NewSegment_NeverStartsBeforeThePreviousEnd()
    {
        // Arrange: the first segment was placed late (a delayed arrival), then a break.
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline);
        placer.Place(0.1, 1.15, OneJoule);
        placer.Break();

        // Act: an on-time sample of the new segment would start at 1.1 < 1.15.
        placer.Place(0.1, 1.2, OneJoule);

        // Assert
        timeline.Samples[1].StartS.Should().BeApproximately(1.15, Precision);
    }

    [Fact]
    public void Place_FirstSample_NeverStartsBeforeNotBefore()
    {
        // Arrange: the process started at 5.0; a sample claiming 0.2 s arrives at 5.1.
        var timeline = new SampleTimeline();
        var placer = new SampleChainPlacer(timeline, notBeforeS: 5.0);

        // Act
        placer.Place(0.2, 5.1, OneJoule);

        // Assert
        timeline.FirstStartS.Should().Be(5.0);
    }

    [Fact]
    public void Place_NonPositiveDuration_Throws()
    {
        // Arrange
        var placer = new SampleChainPlacer(new SampleTimeline());

        // Act
        var act = () => placer.Place(0, 1, OneJoule);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

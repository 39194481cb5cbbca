using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>The copies a window or the results file takes from a timeline: only the samples asked for.</summary>
public sealed class SampleTimelineCopiesTests
{
    /// <summary>125 ms samples over [0, 1.25] s (times exact in binary), then a gap, then [1.5, 1.625] s.</summary>
    private static SampleTimeline WithGap()
    {
        var timeline = new SampleTimeline();
        for (var k = 0; k < 10; k++)
            timeline.Add(new MeterSample(k * 0.125, (k + 1) * 0.125, new Dictionary<string, double> { [Domains.Cpu] = k }));
        timeline.Add(new MeterSample(1.5, 1.625, new Dictionary<string, double> { [Domains.Cpu] = 10 }));
        return timeline;
    }

    [Fact]
    public void Overlapping_WindowCuttingTwoSamples_ReturnsTheSamplesItTouchesInOrder()
    {
        // Act: [0.3, 0.6] touches [0.25, 0.375], [0.375, 0.5], [0.5, 0.625].
        var samples = WithGap().Overlapping(0.3, 0.6);

        // Assert
        samples.Select(s => s.EnergyJ[Domains.Cpu]).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void Overlapping_WindowOnSampleEdges_LeavesOutTheSamplesThatOnlyTouchItsEdges()
    {
        // Act: [0.375, 0.625] holds [0.375, 0.5] and [0.5, 0.625]; [0.25, 0.375] and [0.625, 0.75] end or start at its edges.
        var samples = WithGap().Overlapping(0.375, 0.625);

        // Assert
        samples.Select(s => s.EnergyJ[Domains.Cpu]).Should().Equal(3, 4);
    }

    [Fact]
    public void Overlapping_WindowInAGapOrPastTheEnd_ReturnsNone()
    {
        // Arrange
        var timeline = WithGap();

        // Act + Assert
        timeline.Overlapping(1.3, 1.45).Should().BeEmpty();
        timeline.Overlapping(2, 3).Should().BeEmpty();
        timeline.Overlapping(1.3, 1.55).Select(s => s.EnergyJ[Domains.Cpu]).Should().Equal(10);
    }

    [Fact]
    public void Overlapping_ResultIsACopy_LaterSamplesDoNotAppearInIt()
    {
        // Arrange
        var timeline = WithGap();
        var samples = timeline.Overlapping(1.5, 10);

        // Act
        timeline.Add(new MeterSample(1.625, 1.75, new Dictionary<string, double> { [Domains.Cpu] = 11 }));

        // Assert
        samples.Should().HaveCount(1);
        timeline.Overlapping(1.5, 10).Should().HaveCount(2);
    }

    [Fact]
    public void From_IndexInside_ReturnsTheSamplesFromThereOn()
    {
        // Act
        var samples = WithGap().From(8);

        // Assert
        samples.Select(s => s.EnergyJ[Domains.Cpu]).Should().Equal(8, 9, 10);
    }

    [Fact]
    public void From_IndexAtOrPastTheEnd_ReturnsNone()
    {
        // Arrange
        var timeline = WithGap();

        // Act + Assert
        timeline.From(11).Should().BeEmpty();
        timeline.From(50).Should().BeEmpty();
        timeline.From(0).Should().HaveCount(11);
    }

    [Fact]
    public void From_NegativeIndex_Throws()
    {
        // Act
        var act = () => WithGap().From(-1);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

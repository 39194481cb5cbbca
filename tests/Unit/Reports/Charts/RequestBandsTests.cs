using SlmEnergyBench.Harness.Reports.Charts;

namespace SlmEnergyBench.Unit.Reports.Charts;

public sealed class RequestBandsTests
{
    [Fact]
    public void Of_WindowsFartherApartThanTheGap_KeepsEachWindow()
    {
        // Arrange
        (double, double, bool)[] windows = [(0, 1, true), (1.5, 2, true), (3, 4, false)];

        // Act
        var bands = RequestBands.Of(windows, minGapS: 0.4);

        // Assert
        bands.Bands.Should().Equal(windows);
        bands.Merged.Should().BeFalse();
    }

    [Fact]
    public void Of_WindowsCloserThanTheGap_MergesThoseOfTheSameOutcomeOnly()
    {
        // Arrange: three passed windows 0.25 s apart, a failed one, then two passed ones.
        (double, double, bool)[] windows = [(0, 1, true), (1.25, 2, true), (2.25, 3, true), (3.25, 4, false), (4.25, 5, true), (5.25, 6, true)];

        // Act
        var bands = RequestBands.Of(windows, minGapS: 0.3);

        // Assert
        bands.Bands.Should().Equal((0.0, 3.0, true), (3.25, 4.0, false), (4.25, 6.0, true));
        bands.Merged.Should().BeTrue();
    }
}

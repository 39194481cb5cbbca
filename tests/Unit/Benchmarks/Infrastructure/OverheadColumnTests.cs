using SlmEnergyBench.Benchmarks.Infrastructure;

namespace SlmEnergyBench.Unit.Benchmarks.Infrastructure;

public class OverheadColumnTests
{
    [Fact]
    public void OverheadMs_MeansInNanoseconds_IsTheirDifferenceInMilliseconds()
    {
        // Arrange: a case of 1.75 ms over a baseline of 1.25 ms (BenchmarkDotNet's means are in ns).
        const double meanNs = 1_750_000;
        const double baselineNs = 1_250_000;

        // Act
        var ms = OverheadColumn.OverheadMs(meanNs, baselineNs);

        // Assert: 0.5 ms.
        ms.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void OverheadMs_CaseFasterThanBaseline_IsNegative()
    {
        // Arrange, Act
        var ms = OverheadColumn.OverheadMs(900_000, 1_000_000);

        // Assert: 0.9 ms - 1.0 ms, shown as it is rather than hidden.
        ms.Should().BeApproximately(-0.1, 1e-12);
    }

    [Fact]
    public void PercentOf_QuarterMillisecondOfFiftyMilliseconds_IsHalfAPercent()
    {
        // Arrange, Act
        var percent = OverheadColumn.PercentOf(0.25, 50);

        // Assert: 0.25 / 50 = 0.005 = 0.5 %.
        percent.Should().BeApproximately(0.5, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PercentOf_ReferenceNotPositive_Throws(double referenceMs)
    {
        // Arrange, Act
        var act = () => OverheadColumn.PercentOf(1, referenceMs);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*positive number of ms*");
    }

    [Fact]
    public void Format_MillisecondsColumn_ShowsThreeDecimals()
    {
        // Arrange
        var column = new OverheadColumn(percent: false, referenceMs: 50);

        // Act: 5,240,160 ns - 1,102,530 ns = 4.13763 ms.
        var cell = column.Format(5_240_160, 1_102_530);

        // Assert
        cell.Should().Be("4.138");
    }

    [Fact]
    public void Format_PercentColumn_ShowsPercentOfTheReferenceWithTwoDecimals()
    {
        // Arrange
        var column = new OverheadColumn(percent: true, referenceMs: 50);

        // Act: 4.13763 ms of 50 ms = 8.27526 %.
        var cell = column.Format(5_240_160, 1_102_530);

        // Assert
        cell.Should().Be("8.28");
    }

    [Theory]
    [InlineData(null, 1_000_000.0)]
    [InlineData(1_000_000.0, null)]
    public void Format_MeanMissing_ShowsUnknown(double? meanNs, double? baselineNs)
    {
        // Arrange
        var column = new OverheadColumn(percent: false, referenceMs: 50);

        // Act
        var cell = column.Format(meanNs, baselineNs);

        // Assert
        cell.Should().Be(OverheadColumn.Unknown);
    }

    [Fact]
    public void ColumnName_PercentColumn_NamesTheReference()
    {
        // Arrange, Act
        var column = new OverheadColumn(percent: true, referenceMs: 50);

        // Assert
        column.ColumnName.Should().Be("Overhead % of 50 ms");
        new OverheadColumn(percent: false, referenceMs: 50).ColumnName.Should().Be("Overhead ms");
    }
}

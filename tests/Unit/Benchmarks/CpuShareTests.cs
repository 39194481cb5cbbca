using SlmEnergyBench.Benchmarks.Meters;

namespace SlmEnergyBench.Unit.Benchmarks;

public sealed class CpuShareTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void PercentOfCore_HalfASecondOfCpuOverTwoSeconds_Is25()
    {
        // Act: 100 x 0.5 / 2.
        var percent = CpuShare.PercentOfCore(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));

        // Assert
        percent.Should().BeApproximately(25, Precision);
    }

    [Fact]
    public void PercentOfCore_TwoCoresBusy_IsAbove100()
    {
        // Act: 100 x 3 / 1.5.
        var percent = CpuShare.PercentOfCore(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1.5));

        // Assert
        percent.Should().BeApproximately(200, Precision);
    }

    [Fact]
    public void NetPercentOfCore_SessionAndBaselineOfDifferentLengths_SubtractsTheirShares()
    {
        // Act: 100 x 0.03 / 2.0 = 1.5 with the session, 100 x 0.004 / 2.5 = 0.16 without: 1.34 added.
        var net = CpuShare.NetPercentOfCore(
            (TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(2)),
            (TimeSpan.FromMilliseconds(4), TimeSpan.FromSeconds(2.5)));

        // Assert
        net.Should().BeApproximately(1.34, Precision);
    }

    [Fact]
    public void PercentOfCore_NoWallTime_Throws()
    {
        // Act
        var act = () => CpuShare.PercentOfCore(TimeSpan.FromMilliseconds(1), TimeSpan.Zero);

        // Assert
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Over_SleepingPeriod_TakesAtLeastThePeriodAndLittleCpu()
    {
        // Act
        var (cpu, wall) = CpuShare.Over(TimeSpan.FromMilliseconds(300));

        // Assert: a sleeping thread; the test process's other threads may run, but not a whole core for the period.
        wall.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        cpu.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(wall * 2);
    }
}

using SlmEnergyBench.Harness.Machine;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>Which other processes kept the machine busy between two readings of the process table.</summary>
public sealed class MachineActivityTests
{
    private const int Self = 100;

    /// <summary>
    /// Before and after 2 s: this process (100) and its child (101, the meter probe) are ours; 200 (a build) used 1.5 s, 300 (a browser)
    /// 0.4 s, 400 0 s; pid 500 was reused by another command in between, so it is not compared.
    /// </summary>
    private static (ProcessCpu[] Before, ProcessCpu[] After) Tables() => (
        [
            new(Self, 1, "testhost", 10, 0), new(101, Self, "powermetrics", 1, 0), new(200, 1, "clang", 5, 0),
            new(300, 1, "firefox", 20, 0), new(400, 1, "sshd", 3, 0), new(500, 1, "old", 9, 0),
        ],
        [
            new(Self, 1, "testhost", 11, 0.5), new(101, Self, "powermetrics", 1.2, 0), new(200, 1, "clang", 6.5, 0),
            new(300, 1, "firefox", 20.4, 0), new(400, 1, "sshd", 3, 0), new(500, 1, "new", 50, 0),
        ]);

    [Fact]
    public void Compare_WithMachineCpuTimes_OthersAreTheMachineLessThisProcessAndItsChildren()
    {
        // Arrange
        var (before, after) = Tables();

        // Act: the machine kept 1.5 cores busy; ours used 1 s (this process) + 0.5 s (its reaped children) + 0.2 s (its child) = 1.7 s
        // in 2 s = 0.85 cores, so others kept 1.5 - 0.85 = 0.65 cores busy.
        var activity = MachineActivitySampler.Compare(before, after, 2, Self, machineBusyCores: 1.5, selfCpuS: 1, "/proc");

        // Assert
        activity.OthersBusyCores.Should().BeApproximately(0.65, 1e-12);
        activity.Busiest.Select(b => (b.Pid, b.Name)).Should().Equal((200, "clang"), (300, "firefox"));
        activity.Busiest.Select(b => b.BusyCores).Should().Equal([0.75, 0.2], (a, b) => Math.Abs(a - b) < 1e-12);
        activity.DescribeBusiest().Should().Be("clang (pid 200) 0.75 cores, firefox (pid 300) 0.20 cores");
    }

    [Fact]
    public void Compare_WithoutMachineCpuTimes_OthersAreTheSumOfTheOtherProcesses()
    {
        // Arrange
        var (before, after) = Tables();

        // Act: (1.5 + 0.4) s / 2 s = 0.95 cores.
        var activity = MachineActivitySampler.Compare(before, after, 2, Self, machineBusyCores: null, selfCpuS: 1, "ps");

        // Assert
        activity.OthersBusyCores.Should().BeApproximately(0.95, 1e-12);
        activity.MachineBusyCores.Should().BeNull();
    }

    [Fact]
    public void Compare_NothingElseRan_ListsNoneAndNeverGoesBelowZero()
    {
        // Arrange: the machine's ticks say 0.1 cores, less than ours (rounding of 10 ms ticks).
        ProcessCpu[] table = [new(Self, 1, "testhost", 10, 0)];

        // Act
        var activity = MachineActivitySampler.Compare(table, [new(Self, 1, "testhost", 10.4, 0)], 2, Self, machineBusyCores: 0.1, selfCpuS: 0.4, "/proc");

        // Assert
        activity.OthersBusyCores.Should().Be(0);
        activity.DescribeBusiest().Should().Be("none");
    }
}

using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>
/// procfs's <c>&lt;pid&gt;/stat</c> lines in the kernel's format (proc(5): <c>pid (comm) state ppid pgrp session tty_nr tpgid flags
/// minflt cminflt majflt cmajflt utime stime cutime cstime ...</c>), in a tree of folders as <c>/proc</c> has them.
/// </summary>
public sealed class ProcfsProcessesTests : IDisposable
{
    private readonly TempDirectory _proc = new();

    public void Dispose() => _proc.Dispose();

    /// <summary>A stat line: utime, stime, cutime, cstime in ticks at fields 14 to 17.</summary>
    private static string Stat(int pid, string comm, int ppid, long utime, long stime, long cutime, long cstime) =>
        $"{pid} ({comm}) S {ppid} {pid} {pid} 0 -1 4194560 1500 0 0 0 {utime} {stime} {cutime} {cstime} 20 0 3 0 12345 123456789 1234 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    private void Process(int pid, string comm, int ppid, long utime, long stime, long cutime = 0, long cstime = 0, params int[] children)
    {
        Directory.CreateDirectory(_proc.File($"{pid}/task/{pid}"));
        File.WriteAllText(_proc.File($"{pid}/stat"), Stat(pid, comm, ppid, utime, stime, cutime, cstime) + "\n");
        File.WriteAllText(_proc.File($"{pid}/task/{pid}/children"), children.Length == 0 ? "" : string.Join(' ', children) + " ");
    }

    [Fact]
    public void Parse_CommandWithSpacesAndParentheses_ReadsTheFieldsAfterItsLastParenthesis()
    {
        // Act: 250 + 75 ticks = 3.25 s of its own; 10 + 5 = 0.15 s of its reaped children, at 100 ticks per second.
        var process = ProcfsProcesses.Parse(Stat(1234, "my (odd) name", 1, 250, 75, 10, 5), 100);

        // Assert
        process.Should().Be(new ProcessCpu(1234, 1, "my (odd) name", 3.25, 0.15));
    }

    [Fact]
    public void Parse_NotAStatLine_IsNull()
    {
        ProcfsProcesses.Parse("cpu  1000 0 500 20000 100 0 7 0 0 0", 100).Should().BeNull();
    }

    [Fact]
    public void TreeCpuS_ProcessWithAChildAndAGrandchild_AddsEveryonesOwnAndReapedTime()
    {
        // Arrange: sudo (pid 40: 2 + 1 ticks) -> powermetrics (41: 30 + 20, reaped 4 + 1) -> helper (42: 5 + 0); pid 43 is not theirs.
        Process(40, "sudo", 1, 2, 1, children: 41);
        Process(41, "powermetrics", 40, 30, 20, 4, 1, children: 42);
        Process(42, "helper", 41, 5, 0);
        Process(43, "other", 1, 500, 500);

        // Act: (3 + 50 + 5 + 5) ticks = 63 ticks = 0.63 s.
        var cpu = ProcfsProcesses.TreeCpuS(_proc.Path, 40, 100);

        // Assert
        cpu.Should().BeApproximately(0.63, 1e-12);
    }

    [Fact]
    public void TreeCpuS_ProcessGone_IsNull()
    {
        ProcfsProcesses.TreeCpuS(_proc.Path, 77, 100).Should().BeNull();
    }

    [Fact]
    public void ReadAll_NumericFoldersOnly_OneProcessEach()
    {
        // Arrange
        Process(1, "init", 0, 10, 10);
        Process(2, "kthreadd", 0, 0, 1);
        Directory.CreateDirectory(_proc.File("self"));
        File.WriteAllText(_proc.File("stat"), "cpu  1 2 3 4\n");

        // Act
        var all = ProcfsProcesses.ReadAll(_proc.Path, 100);

        // Assert
        all.Select(p => (p.Pid, p.Name, p.CpuS)).Should().BeEquivalentTo([(1, "init", 0.2), (2, "kthreadd", 0.01)]);
    }

    [Fact]
    public void TreeCpuS_ThisProcessOnLinux_IsAtLeastTheCpuTheOsCountsForIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "procfs is Linux's");

        // Arrange
        var own = SelfCpu.Seconds();

        // Act: this process's tree, at USER_HZ 100, includes its own time (and its children's).
        var tree = ProcfsProcesses.TreeCpuS("/proc", Environment.ProcessId, 100);

        // Assert: ticks are 10 ms, and the tree was read after the process's own time.
        tree.Should().BeGreaterThanOrEqualTo(own - 0.02);
    }
}

using System.Diagnostics;

namespace SlmEnergyBench.Benchmarks.Meters;

/// <summary>
/// This process's CPU time over a wall-clock period, as a share of one core: CPU % of a core = 100 x CPU time / wall time
/// (200 = two cores busy). CPU time is <see cref="Environment.CpuUsage"/> (user + kernel, all threads; <c>getrusage</c> on
/// Linux), wall time a <see cref="Stopwatch"/>.
/// </summary>
public static class CpuShare
{
    /// <summary>CPU % of a core over one period: 100 x <paramref name="cpu"/> / <paramref name="wall"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The wall time is not positive, or the CPU time is negative.</exception>
    public static double PercentOfCore(TimeSpan cpu, TimeSpan wall)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wall, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cpu, TimeSpan.Zero);
        return 100.0 * cpu.Ticks / wall.Ticks;
    }

    /// <summary>
    /// What a session adds, in CPU % of a core: its period's share minus the share of a period without it (the process's own
    /// background: timers, GC, JIT). Negative when the process did less with the session than without (noise).
    /// </summary>
    public static double NetPercentOfCore((TimeSpan Cpu, TimeSpan Wall) with, (TimeSpan Cpu, TimeSpan Wall) without) =>
        PercentOfCore(with.Cpu, with.Wall) - PercentOfCore(without.Cpu, without.Wall);

    /// <summary>Sleeps this thread for <paramref name="period"/> and returns the process's CPU time and the wall time it took.</summary>
    public static (TimeSpan Cpu, TimeSpan Wall) Over(TimeSpan period)
    {
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        Thread.Sleep(period);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        return (cpu, wall.Elapsed);
    }
}

using System.Runtime.InteropServices;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// The whole machine's CPU time, idle and total, in the OS's ticks: Linux's <c>cpu</c> line of <c>/proc/stat</c>
/// (<see cref="CpuTimes"/>), macOS's <c>host_statistics(HOST_CPU_LOAD_INFO)</c> (user, system, idle, nice ticks summed
/// over all CPUs; 32-bit counters, so a reading across their wrap gives no utilization). Busy cores over an interval
/// are (1 - Δidle / Δtotal) x logical cores.
/// </summary>
internal static class MachineCpu
{
    private const int HostCpuLoadInfo = 3;
    private const int CpuStateCount = 4;
    private static readonly Lazy<uint> Host = new(Native.LibC.MachHostSelf);

    /// <summary>The machine's CPU times now; null where they cannot be read (another OS, an unreadable file).</summary>
    public static CpuTimes? Read(MachineSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.IsMacOS)
            return ReadMac();
        try
        {
            return File.Exists(sources.ProcStatPath) ? CpuTimes.Read(sources.ProcStatPath) : null;
        }
        catch (MeterException)
        {
            return null;
        }
    }

    /// <summary>Busy logical cores between two readings: (1 - Δidle / Δtotal) x <paramref name="logicalCores"/>; null when either is missing or no tick passed.</summary>
    public static double? BusyCores(CpuTimes? before, CpuTimes? after, int logicalCores) =>
        before is { } b && after is { } a && a.UtilizationSince(b) is { } u ? u * logicalCores : null;

    private static CpuTimes? ReadMac()
    {
        try
        {
            Span<uint> ticks = stackalloc uint[CpuStateCount];
            var count = (uint)CpuStateCount;
            if (Native.LibC.HostStatistics(Host.Value, HostCpuLoadInfo, ref MemoryMarshal.GetReference(ticks), ref count) != 0 || count < CpuStateCount)
                return null;
            // CPU_STATE_USER 0, CPU_STATE_SYSTEM 1, CPU_STATE_IDLE 2, CPU_STATE_NICE 3 (mach/machine.h).
            ulong user = ticks[0], system = ticks[1], idle = ticks[2], nice = ticks[3];
            return new CpuTimes(idle, user + system + idle + nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}

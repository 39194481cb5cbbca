
namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// The calling thread's CPU time from the OS: POSIX <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> (Linux clock id 3,
/// macOS 16, from their <c>&lt;time.h&gt;</c>), in nanoseconds of user + system time. The in-process engine reads it
/// around a generation, which runs on one thread from start to end, to tell its own CPU apart from the test program's.
/// </summary>
public static class ThreadCpuClock
{
    private const int LinuxThreadClock = 3;
    private const int MacThreadClock = 16;

    /// <summary>CPU seconds the calling thread has used, s; null where the clock cannot be read (Windows, an old libc).</summary>
    public static double? Now()
    {
        var clock = OperatingSystem.IsLinux() ? LinuxThreadClock : OperatingSystem.IsMacOS() ? MacThreadClock : -1;
        if (clock < 0)
            return null;
        try
        {
            return Native.LibC.ClockGetTime(clock, out var time) == 0 ? time.Seconds + (time.Nanoseconds / 1e9) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }
}

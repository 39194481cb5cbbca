
namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Linux's clock ticks per second (<c>sysconf(_SC_CLK_TCK)</c>, the <c>USER_HZ</c> that <c>/proc</c>'s CPU times count in;
/// 100 on every common kernel, proc(5)).
/// </summary>
internal static class ClockTicks
{
    /// <summary>The value glibc's <c>&lt;bits/confname.h&gt;</c> gives <c>_SC_CLK_TCK</c> on Linux.</summary>
    private const int ScClkTck = 2;

    /// <summary>USER_HZ of this machine; 100 (the kernel's fixed USER_HZ on common architectures) when it cannot be asked.</summary>
    public static double PerSecond { get; } = Ask();

    private static double Ask()
    {
        if (!OperatingSystem.IsLinux())
            return 100;
        try
        {
            var ticks = Native.LibC.Sysconf(ScClkTck);
            return ticks > 0 ? ticks : 100;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 100;
        }
    }
}

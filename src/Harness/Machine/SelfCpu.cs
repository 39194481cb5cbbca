using System.Diagnostics;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>This process's CPU time from the OS: user + system time of all its threads, ended ones included (<see cref="Process.TotalProcessorTime"/>).</summary>
public static class SelfCpu
{
    /// <summary>CPU seconds this process has used since it started, s.</summary>
    public static double Seconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }
}

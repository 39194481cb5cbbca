namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Where the machine's state is read from: the kernel's folders on Linux, commands on macOS. Tests point the
/// folders at files of their own; <see cref="Default"/> is the real machine's.
/// </summary>
/// <param name="ProcRoot">Linux procfs: <c>/proc</c> (<c>stat</c> and <c>&lt;pid&gt;/stat</c>).</param>
/// <param name="CpuRoot">Linux CPU devices: <c>/sys/devices/system/cpu</c> (governors, throttle counters).</param>
/// <param name="PowerSupplyRoot">Linux power supplies: <c>/sys/class/power_supply</c>.</param>
/// <param name="IsMacOS">Read macOS's commands (<c>pmset</c>, <c>ps</c>) instead of Linux's folders.</param>
public sealed record MachineSources(string ProcRoot, string CpuRoot, string PowerSupplyRoot, bool IsMacOS)
{
    /// <summary>This machine's sources.</summary>
    public static MachineSources Default { get; } =
        new("/proc", CpuGovernors.DefaultRoot, LinuxPowerSupply.DefaultRoot, OperatingSystem.IsMacOS());

    /// <summary>Linux's machine-wide CPU times: <c>&lt;ProcRoot&gt;/stat</c>.</summary>
    public string ProcStatPath => Path.Combine(ProcRoot, "stat");
}

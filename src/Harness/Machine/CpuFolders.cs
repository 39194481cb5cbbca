using System.Text.RegularExpressions;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>The logical CPUs' folders <c>cpu&lt;N&gt;</c> under Linux's <c>/sys/devices/system/cpu</c> (not <c>cpufreq</c>, <c>cpuidle</c>, ...).</summary>
internal static partial class CpuFolders
{
    /// <summary>Each <c>cpu&lt;N&gt;</c> folder under <paramref name="cpuRoot"/>; none when it does not exist.</summary>
    public static IEnumerable<string> Under(string cpuRoot) =>
        Directory.Exists(cpuRoot) ? Directory.EnumerateDirectories(cpuRoot).Where(d => CpuFolder().IsMatch(Path.GetFileName(d))) : [];

    [GeneratedRegex("^cpu[0-9]+$")]
    private static partial Regex CpuFolder();
}

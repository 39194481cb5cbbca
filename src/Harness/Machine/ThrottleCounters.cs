using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Linux's thermal throttling counters on Intel CPUs (<c>/sys/devices/system/cpu/cpu&lt;N&gt;/thermal_throttle/core_throttle_count</c>
/// and <c>package_throttle_count</c>, the kernel's x86 thermal ABI): how many times each CPU core or package was slowed
/// down because it was too hot, since boot. Read at a run's start and end, a rise means the run was throttled.
/// </summary>
public static class ThrottleCounters
{
    /// <summary>The sum of every core and package counter under <paramref name="cpuRoot"/>; null when there is none (not Intel, not Linux, a virtual machine).</summary>
    public static long? Read(string cpuRoot)
    {
        ArgumentNullException.ThrowIfNull(cpuRoot);
        long? sum = null;
        foreach (var cpu in CpuFolders.Under(cpuRoot))
        {
            foreach (var file in new[] { "core_throttle_count", "package_throttle_count" })
            {
                var path = Path.Combine(cpu, "thermal_throttle", file);
                try
                {
                    if (File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                        sum = (sum ?? 0) + count;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // An unreadable counter is left out.
                }
            }
        }

        return sum;
    }
}


namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Linux's CPU frequency governors (<c>/sys/devices/system/cpu/cpu&lt;N&gt;/cpufreq/scaling_governor</c>, the kernel's
/// cpufreq sysfs ABI): how many logical CPUs run each governor, e.g. <c>performance</c> x 8 or <c>powersave</c> x 4. A
/// governor other than <c>performance</c> lets the clock follow the load, so the same work can cost other joules.
/// </summary>
/// <param name="Counts">Logical CPUs per governor, by governor name (ordinal order).</param>
/// <param name="ReadFrom">The folder read.</param>
public sealed record CpuGovernors(IReadOnlyDictionary<string, int> Counts, string ReadFrom)
{
    /// <summary>The kernel's folder.</summary>
    public const string DefaultRoot = "/sys/devices/system/cpu";

    /// <summary>"performance x 8", "powersave x 4, performance x 4".</summary>
    public string Describe() => string.Join(", ", Counts.Select(c => $"{c.Key} x {c.Value}"));

    /// <summary>The governors under <paramref name="cpuRoot"/>; null when no CPU there has one (no cpufreq: a virtual machine, or not Linux).</summary>
    public static CpuGovernors? Read(string cpuRoot)
    {
        ArgumentNullException.ThrowIfNull(cpuRoot);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var cpu in CpuFolders.Under(cpuRoot))
        {
            var path = Path.Combine(cpu, "cpufreq", "scaling_governor");
            string governor;
            try
            {
                if (!File.Exists(path))
                    continue;
                governor = File.ReadAllText(path).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (governor.Length > 0)
                counts[governor] = counts.GetValueOrDefault(governor) + 1;
        }

        return counts.Count == 0 ? null : new CpuGovernors(counts, cpuRoot);
    }
}

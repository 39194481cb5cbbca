using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Linux's process table from procfs (proc(5)): <c>&lt;root&gt;/&lt;pid&gt;/stat</c> is
/// <c>pid (comm) state ppid ... utime stime cutime cstime ...</c>, the times in clock ticks (fields 14 to 17). The command
/// name may hold spaces and parentheses, so fields are counted after its last <c>)</c>. A process that ends while it is
/// being read is left out.
/// </summary>
public static class ProcfsProcesses
{
    /// <summary>Every process under <paramref name="procRoot"/> (its numeric folders).</summary>
    /// <param name="procRoot">Usually <c>/proc</c>.</param>
    /// <param name="ticksPerSecond">Clock ticks per second of the times (USER_HZ, 100).</param>
    public static IReadOnlyList<ProcessCpu> ReadAll(string procRoot, double ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(procRoot);
        if (!Directory.Exists(procRoot))
            return [];
        var all = new List<ProcessCpu>();
        foreach (var folder in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out _) && Read(folder, ticksPerSecond) is { } process)
                all.Add(process);
        }

        return all;
    }

    /// <summary>
    /// CPU seconds of process <paramref name="pid"/> and every live descendant, each with its reaped children's: all the CPU
    /// the tree has spent since it started. Children are found through <c>&lt;pid&gt;/task/&lt;tid&gt;/children</c>; null
    /// when <paramref name="pid"/> is gone.
    /// </summary>
    public static double? TreeCpuS(string procRoot, int pid, double ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(procRoot);
        var seen = new HashSet<int>();
        var pending = new Stack<int>([pid]);
        double? total = null;
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next) || Read(Path.Combine(procRoot, next.ToString(CultureInfo.InvariantCulture)), ticksPerSecond) is not { } process)
                continue;
            total = (total ?? 0) + process.CpuS + process.ReapedChildrenCpuS;
            foreach (var child in Children(procRoot, next))
                pending.Push(child);
        }

        return total;
    }

    /// <summary>Parses one <c>stat</c> line; null when it is not one.</summary>
    public static ProcessCpu? Parse(string stat, double ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var open = stat.IndexOf(" (", StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
            return null;
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
        if (fields.Length < 15
            || !int.TryParse(stat[..open], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid))
            return null;
        var ticks = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (!long.TryParse(fields[11 + i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ticks[i]))
                return null;
        }

        return new ProcessCpu(pid, ppid, stat[(open + 2)..close], (ticks[0] + ticks[1]) / ticksPerSecond, (ticks[2] + ticks[3]) / ticksPerSecond);
    }

    private static ProcessCpu? Read(string folder, double ticksPerSecond)
    {
        try
        {
            return Parse(File.ReadAllText(Path.Combine(folder, "stat")), ticksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Children(string procRoot, int pid)
    {
        var tasks = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "task");
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.Exists(tasks) ? Directory.EnumerateDirectories(tasks) : [])
            {
                var file = Path.Combine(task, "children");
                if (!File.Exists(file))
                    continue;
                foreach (var id in File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                        children.Add(child);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while its tasks were read: what was read stays.
        }

        return children;
    }
}

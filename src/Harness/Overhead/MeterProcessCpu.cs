using System.Globalization;
using SlmEnergyBench.Harness.Machine;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// CPU seconds of a meter that runs as a process of its own (powermetrics, through sudo or not; the fake powermetrics
/// script) and of its children, from the OS. Linux: procfs, cheap enough to read at every window's edges (its reaped children's
/// time included: the fake script's subshells). macOS: root's powermetrics is readable only through the set-uid <c>ps</c>, a
/// process of its own, so it is read at the run's start and end only, never inside a window.
/// </summary>
internal sealed class MeterProcessCpu(MachineSources sources, int pid)
{
    /// <summary>True when <see cref="ReadNow"/> can be called at a window's edges (Linux).</summary>
    public bool PerWindow => !sources.IsMacOS;

    /// <summary>What is read, for the run's record.</summary>
    public string ReadFrom => sources.IsMacOS
        ? string.Create(CultureInfo.InvariantCulture, $"ps (process {pid} and its children), at the run's start and end only")
        : string.Create(CultureInfo.InvariantCulture, $"{sources.ProcRoot}/{pid}/stat and its children's (utime + stime + cutime + cstime)");

    /// <summary>The tree's CPU seconds now, where that is cheap (<see cref="PerWindow"/>); else null.</summary>
    public double? ReadNow() => PerWindow ? ProcfsProcesses.TreeCpuS(sources.ProcRoot, pid, ClockTicks.PerSecond) : null;

    /// <summary>The tree's CPU seconds now, by any means (on macOS a <c>ps</c> run); null when it cannot be read.</summary>
    public async Task<double?> ReadAsync(CancellationToken cancellationToken)
    {
        if (PerWindow)
            return ReadNow();
        var table = await PsProcesses.ReadAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return table is null ? null : TreeCpuS(table, pid);
    }

    /// <summary>CPU seconds (own and reaped children's) of <paramref name="root"/> and its descendants in <paramref name="table"/>; null when it is not there.</summary>
    public static double? TreeCpuS(IReadOnlyList<ProcessCpu> table, int root)
    {
        var byParent = table.ToLookup(p => p.ParentPid);
        var byPid = table.GroupBy(p => p.Pid).ToDictionary(g => g.Key, g => g.First());
        if (!byPid.TryGetValue(root, out var top))
            return null;
        var total = 0.0;
        var seen = new HashSet<int>();
        var pending = new Stack<ProcessCpu>([top]);
        while (pending.Count > 0)
        {
            var process = pending.Pop();
            if (!seen.Add(process.Pid))
                continue;
            total += process.CpuS + process.ReapedChildrenCpuS;
            foreach (var child in byParent[process.Pid])
                pending.Push(child);
        }

        return total;
    }
}

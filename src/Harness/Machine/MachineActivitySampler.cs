using System.Diagnostics;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// Samples which other processes keep the machine busy: the process table (Linux <c>/proc</c>, macOS <c>ps</c>) and the
/// machine's CPU times read at <see cref="BeginAsync"/> and again at <see cref="EndAsync"/>; each process's CPU seconds
/// between the two (its own threads', matched by pid and name, so a reused pid is not compared) per second of the sample.
/// A process that started and ended between the readings is not listed, but its CPU is in the machine's busy cores.
/// </summary>
public sealed class MachineActivitySampler
{
    /// <summary>How many of the busiest other processes are kept.</summary>
    public const int Top = 5;

    private readonly MachineSources _sources;
    private readonly int _selfPid;
    private readonly int _logicalCores;
    private readonly long _startTimestamp;
    private readonly IReadOnlyList<ProcessCpu>? _processes;
    private readonly CpuTimes? _machine;
    private readonly double _selfCpuS;

    private MachineActivitySampler(MachineSources sources, int selfPid, int logicalCores, IReadOnlyList<ProcessCpu>? processes, CpuTimes? machine, double selfCpuS)
    {
        _sources = sources;
        _selfPid = selfPid;
        _logicalCores = logicalCores;
        _startTimestamp = Stopwatch.GetTimestamp();
        _processes = processes;
        _machine = machine;
        _selfCpuS = selfCpuS;
    }

    /// <summary>Takes the first reading.</summary>
    /// <param name="sources">Where to read.</param>
    /// <param name="selfPid">The process whose own and children's CPU is left out (this test program).</param>
    /// <param name="logicalCores">The machine's logical cores.</param>
    /// <param name="cancellationToken">Cancels <c>ps</c> on macOS.</param>
    public static async Task<MachineActivitySampler> BeginAsync(MachineSources sources, int selfPid, int logicalCores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var processes = await ReadProcessesAsync(sources, cancellationToken).ConfigureAwait(false);
        return new MachineActivitySampler(sources, selfPid, logicalCores, processes, MachineCpu.Read(sources), SelfCpu.Seconds());
    }

    /// <summary>
    /// Takes the second reading, at least <paramref name="minimumS"/> after the first (waiting for the rest), and says how busy the
    /// machine and its other processes were; null when the process table could not be read.
    /// </summary>
    public async Task<MachineActivity?> EndAsync(double minimumS, CancellationToken cancellationToken)
    {
        var left = minimumS - Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        if (left > 0)
            await Task.Delay(TimeSpan.FromSeconds(left), cancellationToken).ConfigureAwait(false);
        var processes = await ReadProcessesAsync(_sources, cancellationToken).ConfigureAwait(false);
        var machine = MachineCpu.Read(_sources);
        var selfCpuS = SelfCpu.Seconds();
        var seconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        if (_processes is null || processes is null)
            return null;
        return Compare(_processes, processes, seconds, _selfPid, MachineCpu.BusyCores(_machine, machine, _logicalCores), selfCpuS - _selfCpuS, ReadFrom(_sources));
    }

    /// <summary>
    /// The busiest other processes between two readings of the process table <paramref name="seconds"/> apart, and the CPU left to
    /// others: <paramref name="machineBusyCores"/> - (<paramref name="selfCpuS"/> + the CPU of <paramref name="selfPid"/>'s descendants) / seconds.
    /// </summary>
    public static MachineActivity Compare(IReadOnlyList<ProcessCpu> before, IReadOnlyList<ProcessCpu> after, double seconds, int selfPid,
        double? machineBusyCores, double selfCpuS, string readFrom)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlier = before.GroupBy(p => p.Pid).ToDictionary(g => g.Key, g => g.First());
        var ours = Descendants(after, selfPid);
        var used = new List<(ProcessCpu Process, double CpuS, double ReapedS)>();
        foreach (var process in after)
        {
            if (!earlier.TryGetValue(process.Pid, out var then) || then.Name != process.Name)
                continue;
            used.Add((process, Math.Max(0, process.CpuS - then.CpuS), Math.Max(0, process.ReapedChildrenCpuS - then.ReapedChildrenCpuS)));
        }

        // Ours: our children's own CPU, and what our and their ended children (probes, shells) used.
        var oursCpuS = used.Where(u => ours.Contains(u.Process.Pid)).Sum(u => u.CpuS + u.ReapedS)
                       + used.Where(u => u.Process.Pid == selfPid).Sum(u => u.ReapedS);
        var others = used.Where(u => u.Process.Pid != selfPid && !ours.Contains(u.Process.Pid)).ToList();
        var busiest = others.Where(o => o.CpuS > 0).OrderByDescending(o => o.CpuS).ThenBy(o => o.Process.Pid).Take(Top)
            .Select(o => new BusyProcess(o.Process.Pid, o.Process.Name, o.CpuS / seconds)).ToList();
        var othersBusy = machineBusyCores is { } machine
            ? Math.Max(0, machine - ((selfCpuS + oursCpuS) / seconds))
            : others.Sum(o => o.CpuS) / seconds;
        return new MachineActivity(seconds, machineBusyCores, othersBusy, busiest, readFrom);
    }

    private static HashSet<int> Descendants(IReadOnlyList<ProcessCpu> table, int root)
    {
        var children = table.ToLookup(p => p.ParentPid, p => p.Pid);
        var found = new HashSet<int>();
        var pending = new Stack<int>([root]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                if (child != root && found.Add(child))
                    pending.Push(child);
            }
        }

        return found;
    }

    private static string ReadFrom(MachineSources sources) => sources.IsMacOS ? "ps " + string.Join(' ', PsProcesses.Arguments) : sources.ProcRoot;

    private static async Task<IReadOnlyList<ProcessCpu>?> ReadProcessesAsync(MachineSources sources, CancellationToken cancellationToken) =>
        sources.IsMacOS
            ? await PsProcesses.ReadAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false)
            : ProcfsProcesses.ReadAll(sources.ProcRoot, ClockTicks.PerSecond) is { Count: > 0 } all ? all : null;
}

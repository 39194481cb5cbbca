namespace SlmEnergyBench.Harness.Machine;

/// <summary>One process and the CPU time the OS has counted for it, as one reading of the process table saw it.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="ParentPid">Its parent's process id.</param>
/// <param name="Name">Its command name (Linux: <c>comm</c>, at most 15 characters; macOS: <c>ps</c>'s <c>comm</c>, often a path).</param>
/// <param name="CpuS">User + system CPU time of its own threads since it started, s.</param>
/// <param name="ReapedChildrenCpuS">User + system CPU time of its children that have ended and been waited for, s (Linux's
/// <c>cutime + cstime</c>; 0 where the OS does not say, as <c>ps</c> on macOS).</param>
public sealed record ProcessCpu(int Pid, int ParentPid, string Name, double CpuS, double ReapedChildrenCpuS);

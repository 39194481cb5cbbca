using System.Runtime.InteropServices;

namespace SlmEnergyBench.Harness.Results;

/// <summary>The machine a run was made on, as far as the process can tell without privileges.</summary>
public sealed record MachineInfo(
    string HostName,
    string Os,
    string Architecture,
    int LogicalCores,
    string? CpuModel,
    long MemoryBytes,
    string Runtime)
{
    public static MachineInfo Collect() => new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        Environment.ProcessorCount,
        ReadCpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.FrameworkDescription);

    private static string? ReadCpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
            return null;
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

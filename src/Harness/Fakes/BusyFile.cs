using System.Globalization;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// Couples the fake server with the fake powermetrics: while a request is generated the file holds
/// "cpu_mW gpu_mW" (invariant culture, one line); it is absent while the server idles.
/// Written atomically (temporary file, then rename) so a reader never sees half a line.
/// </summary>
internal sealed class BusyFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public void Write(double cpuMilliwatts, double gpuMilliwatts)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{cpuMilliwatts:0.###} {gpuMilliwatts:0.###}\n"));
        File.Move(temporary, Path, overwrite: true);
    }

    public void Clear() => File.Delete(Path);

    /// <summary>What the busy file at <paramref name="path"/> holds: (cpu mW, gpu mW), or null while it is absent (the server idles).</summary>
    /// <exception cref="FormatException">It holds something other than "cpu_mW gpu_mW" (two numbers &gt;= 0, invariant culture).</exception>
    public static (double CpuMilliwatts, double GpuMilliwatts)? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var cpuMw) && cpuMw >= 0
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var gpuMw) && gpuMw >= 0)
            return (cpuMw, gpuMw);
        throw new FormatException($"The busy file {path} holds '{text.Trim()}', not 'cpu_mW gpu_mW' (two numbers >= 0, invariant culture): it is written by the fake servers' BusyFile.");
    }
}

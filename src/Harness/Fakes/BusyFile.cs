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
}

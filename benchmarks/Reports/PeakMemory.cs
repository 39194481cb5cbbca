using System.Globalization;

namespace SlmEnergyBench.Benchmarks.Reports;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c> in <c>/proc/self/status</c>), reset before an operation by writing
/// <c>5</c> to <c>/proc/self/clear_refs</c> (Linux 4.0+, proc(5)), so that the peak read after it is the operation's:
/// what the process held before it (the runtime, data loaded in setup) plus what the operation added at its height,
/// garbage included until collected. Unlike <c>GC.GetTotalAllocatedBytes</c> it counts memory that is live at once,
/// not allocated over time, and it includes native memory (SkiaSharp's chart bitmaps).
/// </summary>
public static class PeakMemory
{
    private const string Status = "/proc/self/status";
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Whether this system has the files (Linux).</summary>
    public static bool Available => File.Exists(Status) && File.Exists(ClearRefs);

    /// <summary>Collects garbage, then resets the peak to the current resident set; does nothing where not <see cref="Available"/>.</summary>
    public static void Reset()
    {
        if (!Available)
            return;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText(ClearRefs, "5");
    }

    /// <summary>The peak resident set since the last <see cref="Reset"/> (or the process's start), MB (2^20 bytes); null where not <see cref="Available"/>.</summary>
    public static double? PeakMb() => Available ? Kilobytes(File.ReadAllLines(Status), "VmHWM:") / 1024.0 : null;

    /// <summary>The value of a <c>/proc/self/status</c> line such as <c>VmHWM:    320524 kB</c>, kB.</summary>
    /// <exception cref="InvalidDataException">No such line, or not in kB.</exception>
    public static long Kilobytes(IEnumerable<string> status, string field)
    {
        ArgumentNullException.ThrowIfNull(status);
        var line = status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
                   ?? throw new InvalidDataException($"{Status} has no {field} line.");
        var parts = line[field.Length..].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts is [var number, "kB"] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb
            : throw new InvalidDataException($"{Status}: '{line}' is not '<number> kB'.");
    }
}

using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The machine-wide <c>cpu</c> line of Linux <c>/proc/stat</c>, in clock ticks since boot:
/// <c>cpu user nice system idle iowait irq softirq steal [guest guest_nice]</c>.
/// </summary>
/// <param name="Idle">idle + iowait.</param>
/// <param name="Total">user + nice + system + idle + iowait + irq + softirq + steal (guest time is already inside user and nice).</param>
internal readonly record struct CpuTimes(ulong Idle, ulong Total)
{
    /// <summary>Fields that count (the eight before guest, guest_nice); old kernels have only the first four.</summary>
    private const int CountedFields = 8;

    /// <summary>Utilization over [<paramref name="before"/>, this] = 1 - Δidle / Δtotal; null when no tick passed.</summary>
    public double? UtilizationSince(CpuTimes before)
    {
        if (Total <= before.Total)
            return null;
        var idle = Idle >= before.Idle ? Idle - before.Idle : 0;
        return Math.Clamp(1.0 - ((double)idle / (Total - before.Total)), 0.0, 1.0);
    }

    /// <summary>Reads the <c>cpu</c> line of <paramref name="path"/>; every problem is a <see cref="MeterException"/> saying what.</summary>
    public static CpuTimes Read(string path)
    {
        string? line;
        try
        {
            using var reader = new StreamReader(path);
            line = reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MeterException($"estimate: cannot read {path}: {e.Message}", e);
        }

        return Parse(line, path);
    }

    public static CpuTimes Parse(string? line, string path)
    {
        var fields = (line ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
            throw Garbage(line, path, "the first line must be 'cpu' followed by at least 4 tick counts (user nice system idle ...)");
        var ticks = new ulong[Math.Min(CountedFields, fields.Length - 1)];
        for (var i = 0; i < ticks.Length; i++)
        {
            if (!ulong.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
                throw Garbage(line, path, $"field {i + 1} ('{fields[i + 1]}') is not a whole number of clock ticks");
        }

        var idle = ticks[3] + (ticks.Length > 4 ? ticks[4] : 0);
        return new CpuTimes(idle, ticks.Aggregate(0UL, (sum, t) => sum + t));
    }

    private static MeterException Garbage(string? line, string path, string what)
    {
        var shown = line is null ? "(empty file)" : $"'{(line.Length > 80 ? line[..80] + "..." : line)}'";
        return new MeterException($"estimate: {path} does not look like Linux /proc/stat: {what}; its first line is {shown}. Check Meter:ProcStatPath.");
    }
}

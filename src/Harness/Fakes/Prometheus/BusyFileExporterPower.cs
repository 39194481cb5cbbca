namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// Power from the fake servers' busy file (see <see cref="BusyFile"/>): while it holds "cpu_mW gpu_mW", gpu 0 draws gpu_mW / 1000 W
/// and the package cpu_mW / 1000 W; while it is absent they draw their idle powers. DRAM and gpu 1 draw constants. The file is read
/// at every scrape (<see cref="Refresh"/>) and every <see cref="PollInterval"/> by <see cref="Poll"/>; a change becomes a step of
/// the power at the instant it was seen, so a transition is placed at most one poll late and the counters are the exact integral of
/// the power as seen.
/// </summary>
public sealed class BusyFileExporterPower : IExporterPower
{
    private readonly Lock _gate = new();
    private readonly ScriptedExporterPower _seen;
    private readonly double _idleGpuW;
    private readonly double _idleCpuW;
    private (double CpuW, double GpuW)? _busy;
    private double _lastUnixS = double.MinValue;

    /// <param name="path">The busy file (absent = idle).</param>
    /// <param name="idleGpuW">Gpu 0's power while idle, W (also gpu 1's constant power).</param>
    /// <param name="idleCpuW">The package's power while idle, W.</param>
    /// <param name="dramW">DRAM's constant power, W.</param>
    public BusyFileExporterPower(string path, double idleGpuW = 20, double idleCpuW = 5, double dramW = 1.5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _idleGpuW = idleGpuW;
        _idleCpuW = idleCpuW;
        _seen = new ScriptedExporterPower(new Dictionary<string, double>
        {
            [ExporterDomains.Gpu0] = idleGpuW,
            [ExporterDomains.Gpu1] = idleGpuW,
            [ExporterDomains.Package] = idleCpuW,
            [ExporterDomains.Dram] = dramW,
        });
    }

    /// <summary>The busy file, absolute.</summary>
    public string Path { get; }

    /// <summary>How often <see cref="FakeEnergyExporter"/> polls the file between scrapes: 10 ms.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(10);

    /// <inheritdoc />
    public double PowerW(string domain, double unixS) => _seen.PowerW(domain, unixS);

    /// <inheritdoc />
    public double EnergyJ(string domain, double fromUnixS, double toUnixS) => _seen.EnergyJ(domain, fromUnixS, toUnixS);

    /// <summary>Reads the file and, when its power differs from the last seen, makes the new power a step at <paramref name="unixS"/>.</summary>
    /// <exception cref="FormatException">The file holds something other than "cpu_mW gpu_mW" (two numbers &gt;= 0).</exception>
    public void Refresh(double unixS)
    {
        lock (_gate)
        {
            // A poll and a scrape may race: a step never goes before the last one.
            _lastUnixS = Math.Max(_lastUnixS, unixS);
            var busy = Read();
            if (busy == _busy)
                return;
            _busy = busy;
            _seen.Set(_lastUnixS, ExporterDomains.Gpu0, busy?.GpuW ?? _idleGpuW);
            _seen.Set(_lastUnixS, ExporterDomains.Package, busy?.CpuW ?? _idleCpuW);
        }
    }

    /// <summary><see cref="Refresh"/> for the background poll: an unreadable file is left for the next scrape to report.</summary>
    internal void Poll(double unixS)
    {
        try
        {
            Refresh(unixS);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            // The next scrape reads it again and answers 500 with the message.
        }
    }

    private (double CpuW, double GpuW)? Read() => BusyFile.Read(Path) is { } mw ? (mw.CpuMilliwatts / 1000, mw.GpuMilliwatts / 1000) : null;
}

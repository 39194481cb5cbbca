using System.Globalization;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>A scripted /proc/stat in a temp folder: cumulative tick counts, rewritten on every change.</summary>
internal sealed class FakeProcStat : IDisposable
{
    private readonly TempDirectory _dir = new();
    private ulong _user = 1000;
    private ulong _system = 500;
    private ulong _idle = 20_000;
    private ulong _iowait = 100;

    public FakeProcStat() => Write();

    public string Path => _dir.File("stat");

    /// <summary>Adds busy ticks (split between user and system) and idle ticks (split between idle and iowait).</summary>
    public void Add(ulong busy, ulong idle)
    {
        _user += busy - (busy / 2);
        _system += busy / 2;
        _idle += idle - (idle / 4);
        _iowait += idle / 4;
        Write();
    }

    public void Raw(string text) => File.WriteAllText(Path, text);

    public void Dispose() => _dir.Dispose();

    private void Write() => File.WriteAllText(Path, string.Create(
        CultureInfo.InvariantCulture,
        $"cpu  {_user} 0 {_system} {_idle} {_iowait} 0 7 0 0 0\ncpu0 {_user} 0 {_system} {_idle} {_iowait} 0 7 0 0 0\nintr 12345\n"));
}

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Reads the <c>cpu</c> line of /proc/stat; a sample is P(u) x Δt for the interval's utilization u. When no
/// clock tick passed since the last reading (interval shorter than a tick), the reading is not used: the next
/// sample spans both intervals.
/// </summary>
internal sealed class EstimateSource(string procStatPath, LinearPowerModel model) : IPolledSource
{
    private CpuTimes _last;
    private double _lastS;

    public void Begin(double nowS)
    {
        _last = CpuTimes.Read(procStatPath);
        _lastS = nowS;
    }

    public MeterSample? Next(double nowS)
    {
        var now = CpuTimes.Read(procStatPath);
        if (now.UtilizationSince(_last) is not { } u)
            return null;
        var sample = new MeterSample(_lastS, nowS, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Domains.Cpu] = model.PowerW(u) * (nowS - _lastS),
        });
        _last = now;
        _lastS = nowS;
        return sample;
    }
}

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Reads every zone's <c>energy_uj</c> counter; a sample is the energy between two readings per domain.
/// A reading lower than the previous one means the counter wrapped: <c>max_energy_range_uj</c> is added.
/// </summary>
internal sealed class RaplSource : IPolledSource
{
    private const double MicrojoulesPerJoule = 1e6;

    private readonly RaplTree _tree;
    private readonly RaplFiles _files;
    private readonly ulong[] _last;
    private double _lastS;

    public RaplSource(RaplTree tree, RaplFiles files)
    {
        _tree = tree;
        _files = files;
        _last = new ulong[tree.Zones.Count];
    }

    /// <summary>How many wraparounds were corrected so far.</summary>
    public int Wraps { get; private set; }

    public void Begin(double nowS)
    {
        ReadAll().CopyTo(_last, 0);
        _lastS = nowS;
    }

    public MeterSample? Next(double nowS)
    {
        var now = ReadAll();
        var energy = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < now.Length; i++)
        {
            var zone = _tree.Zones[i];
            var deltaUj = now[i] >= _last[i] ? now[i] - _last[i] : Wrapped(zone, _last[i], now[i]);
            energy[zone.Domain] = energy.GetValueOrDefault(zone.Domain) + (deltaUj / MicrojoulesPerJoule);
        }

        var sample = new MeterSample(_lastS, nowS, energy);
        now.CopyTo(_last, 0);
        _lastS = nowS;
        return sample;
    }

    private ulong Wrapped(RaplZone zone, ulong before, ulong after)
    {
        if (before > zone.MaxEnergyRangeUj)
        {
            throw new MeterException(
                $"RAPL: {zone.EnergyFile} went from {before} to {after} µJ, but its max_energy_range_uj is {zone.MaxEnergyRangeUj}: not a wraparound; the counter is not trustworthy.");
        }

        Wraps++;
        return after + (zone.MaxEnergyRangeUj - before);
    }

    private ulong[] ReadAll() => [.. _tree.Zones.Select(z => _files.ReadMicrojoules(z.EnergyFile))];
}

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// The counters' energy at any instant: <c>startJ</c> plus the power's integral since the exporter started, or, after a scripted
/// counter reset at R, the integral since R alone (the counter restarts from 0, as after an exporter or driver restart). Thread-safe.
/// </summary>
internal sealed class ExporterCounters(IExporterPower power, double originUnixS, double startJ)
{
    private readonly Lock _gate = new();
    private readonly List<double> _resets = [];

    public double OriginUnixS => originUnixS;

    public void ResetAt(double unixS)
    {
        if (!(unixS > originUnixS))
            throw new ArgumentException($"A counter reset at {unixS:0.000} s must come after the exporter started ({originUnixS:0.000} s).", nameof(unixS));
        lock (_gate)
        {
            _resets.Add(unixS);
            _resets.Sort();
        }
    }

    /// <summary>The counter of <paramref name="domain"/> at <paramref name="unixS"/>, joules.</summary>
    public double EnergyJ(string domain, double unixS)
    {
        double? reset = null;
        lock (_gate)
        {
            foreach (var at in _resets.Where(at => at <= unixS))
                reset = at;
        }
        return reset is { } from ? power.EnergyJ(domain, from, unixS) : startJ + power.EnergyJ(domain, originUnixS, unixS);
    }
}

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// The true power of a simulated machine: piecewise constant per domain over steps that tile the timeline from 0,
/// so the energy of any interval is known exactly (the truth a meter's figures are checked against).
/// </summary>
internal sealed class PowerTruth
{
    private readonly List<double> _ends = [];
    private readonly List<IReadOnlyDictionary<string, double>> _watts = [];
    private readonly List<Dictionary<string, double>> _cumulativeJ = [];

    /// <summary>End of the last step, seconds.</summary>
    public double EndS => _ends.Count == 0 ? 0 : _ends[^1];

    /// <summary>Appends a step of <paramref name="seconds"/> at <paramref name="watts"/> per domain.</summary>
    public void Append(double seconds, IReadOnlyDictionary<string, double> watts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var start = EndS;
        var before = _cumulativeJ.Count == 0 ? [] : _cumulativeJ[^1];
        var cumulative = watts.ToDictionary(w => w.Key, w => before.GetValueOrDefault(w.Key) + (w.Value * seconds), StringComparer.Ordinal);
        _ends.Add(start + seconds);
        _watts.Add(watts);
        _cumulativeJ.Add(cumulative);
    }

    /// <summary>Exact energy of <paramref name="domain"/> over [a, b] (inside the steps), joules.</summary>
    public double EnergyJ(string domain, double a, double b) => Cumulative(domain, b) - Cumulative(domain, a);

    /// <summary>Exact energy of the sum of <paramref name="domains"/> over [a, b], joules.</summary>
    public double EnergyJ(IEnumerable<string> domains, double a, double b) => domains.Sum(d => EnergyJ(d, a, b));

    /// <summary>Energy of <paramref name="domain"/> from 0 to <paramref name="t"/>.</summary>
    private double Cumulative(string domain, double t)
    {
        if (t <= 0)
            return 0;
        if (t > EndS + 1e-12)
            throw new ArgumentOutOfRangeException(nameof(t), t, $"the truth ends at {EndS} s");
        var i = _ends.BinarySearch(t);
        i = i < 0 ? ~i : i;
        i = Math.Min(i, _ends.Count - 1);
        var start = i == 0 ? 0 : _ends[i - 1];
        var before = i == 0 ? 0 : _cumulativeJ[i - 1].GetValueOrDefault(domain);
        return before + (_watts[i].GetValueOrDefault(domain) * (t - start));
    }
}

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// A power script: each domain starts at its initial power (watts) and changes only at the steps added with <see cref="Set"/>,
/// holding each value until the next step (piecewise constant). Steps may be added while the exporter runs, but never before a
/// step already added, so what was served stays true. Thread-safe.
/// </summary>
public sealed class ScriptedExporterPower : IExporterPower
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _initial;
    private readonly Dictionary<string, List<(double AtUnixS, double PowerW)>> _steps;

    /// <param name="initialW">The power of every domain of <see cref="ExporterDomains.All"/> before its first step, watts (each must be given, &gt;= 0).</param>
    /// <exception cref="ArgumentException">A domain is missing, unknown or negative.</exception>
    public ScriptedExporterPower(IReadOnlyDictionary<string, double> initialW)
    {
        ArgumentNullException.ThrowIfNull(initialW);
        foreach (var domain in ExporterDomains.All.Where(d => !initialW.ContainsKey(d)))
            throw new ArgumentException($"The initial power of domain '{domain}' is missing: give one for each of {string.Join(", ", ExporterDomains.All)}.", nameof(initialW));
        foreach (var (domain, watts) in initialW)
            CheckStep(domain, watts);
        _initial = new Dictionary<string, double>(initialW, StringComparer.Ordinal);
        _steps = ExporterDomains.All.ToDictionary(d => d, _ => new List<(double, double)>(), StringComparer.Ordinal);
    }

    /// <summary>From <paramref name="fromUnixS"/> on, <paramref name="domain"/> draws <paramref name="watts"/> (until its next step).</summary>
    /// <exception cref="ArgumentException">Unknown domain, negative or non-finite power, or a step before the domain's last one.</exception>
    public ScriptedExporterPower Set(double fromUnixS, string domain, double watts)
    {
        CheckStep(domain, watts);
        if (!double.IsFinite(fromUnixS))
            throw new ArgumentException($"The step time {fromUnixS} is not a finite Unix time in seconds.", nameof(fromUnixS));
        lock (_gate)
        {
            var steps = _steps[domain];
            if (steps.Count > 0 && fromUnixS < steps[^1].AtUnixS)
                throw new ArgumentException(
                    $"A step of '{domain}' at {fromUnixS:0.000} s comes before its last step at {steps[^1].AtUnixS:0.000} s: add steps in time order, so served counters stay true.",
                    nameof(fromUnixS));
            steps.Add((fromUnixS, watts));
        }
        return this;
    }

    /// <inheritdoc />
    public double PowerW(string domain, double unixS)
    {
        var steps = StepsOf(domain);
        var power = _initial[domain];
        foreach (var (at, watts) in steps)
        {
            if (at > unixS)
                break;
            power = watts;
        }
        return power;
    }

    /// <inheritdoc />
    public double EnergyJ(string domain, double fromUnixS, double toUnixS)
    {
        if (toUnixS < fromUnixS)
            return -EnergyJ(domain, toUnixS, fromUnixS);
        var steps = StepsOf(domain);
        var joules = 0.0;
        var power = _initial[domain];
        var cursor = fromUnixS;
        foreach (var (at, watts) in steps)
        {
            if (at >= toUnixS)
                break;
            if (at > cursor)
            {
                joules += power * (at - cursor);
                cursor = at;
            }
            power = watts;
        }
        return joules + power * (toUnixS - cursor);
    }

    /// <inheritdoc />
    public void Refresh(double unixS)
    {
        // A script is its own source: nothing to read.
    }

    private (double AtUnixS, double PowerW)[] StepsOf(string domain)
    {
        if (!_steps.TryGetValue(domain, out var steps))
            throw new ArgumentException($"Unknown domain '{domain}': use one of {string.Join(", ", ExporterDomains.All)}.", nameof(domain));
        lock (_gate)
            return [.. steps];
    }

    private static void CheckStep(string domain, double watts)
    {
        if (!ExporterDomains.All.Contains(domain))
            throw new ArgumentException($"Unknown domain '{domain}': use one of {string.Join(", ", ExporterDomains.All)}.", nameof(domain));
        if (!(watts >= 0) || !double.IsFinite(watts))
            throw new ArgumentException($"The power of '{domain}' must be a finite number of watts >= 0, not {watts}.", nameof(watts));
    }
}

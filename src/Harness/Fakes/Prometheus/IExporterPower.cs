namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// The power the <see cref="FakeEnergyExporter"/> reports, per domain of <see cref="ExporterDomains"/>, as a function of time:
/// piecewise constant between transitions, so its integral (the counters) is exact. Times are Unix seconds (UTC).
/// Implementations: <see cref="ScriptedExporterPower"/> (a script the test writes) and <see cref="BusyFileExporterPower"/>
/// (the fake servers' busy file).
/// </summary>
public interface IExporterPower
{
    /// <summary>The power of <paramref name="domain"/> at <paramref name="unixS"/>, watts.</summary>
    /// <exception cref="ArgumentException">The domain is not one of <see cref="ExporterDomains.All"/>.</exception>
    double PowerW(string domain, double unixS);

    /// <summary>
    /// The energy of <paramref name="domain"/> over [<paramref name="fromUnixS"/>, <paramref name="toUnixS"/>], joules: the
    /// exact integral of <see cref="PowerW"/>. Negative when <paramref name="toUnixS"/> &lt; <paramref name="fromUnixS"/>.
    /// </summary>
    double EnergyJ(string domain, double fromUnixS, double toUnixS);

    /// <summary>
    /// Brings the power up to date with its source at <paramref name="unixS"/> (a file read, for example) before a scrape is served;
    /// a script has nothing to do. Throws <see cref="FormatException"/> when the source holds something unreadable.
    /// </summary>
    void Refresh(double unixS);
}

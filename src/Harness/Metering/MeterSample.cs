namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// One raw sample of a meter: the energy per domain spent over [<see cref="StartS"/>, <see cref="EndS"/>]
/// on the session timeline (seconds, see <see cref="Timing.SessionClock"/>). Energies in joules.
/// </summary>
public sealed record MeterSample(double StartS, double EndS, IReadOnlyDictionary<string, double> EnergyJ)
{
    public double DurationS => EndS - StartS;
}

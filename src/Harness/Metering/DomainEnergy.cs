namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Energy of one domain over a window (J), with the window's average power (W) and the highest power (W) of a sample overlapping it or,
/// under the idle-attributed edge rule, of an edge sample's part inside the window (see <see cref="EdgeAttribution.Apply"/>).
/// </summary>
public sealed record DomainEnergy(double Joules, double AveragePowerW, double PeakPowerW);

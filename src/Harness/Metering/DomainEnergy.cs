namespace SlmEnergyBench.Harness.Metering;

/// <summary>Energy of one domain over a window, with the window's average and the highest sample power.</summary>
public sealed record DomainEnergy(double Joules, double AveragePowerW, double PeakPowerW);

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// From <see cref="AtS"/> (session clock, s) the stand-in model draws <see cref="BusyW"/> (cpu and gpu, W), or idles
/// when it is null (see <see cref="GenerationClock"/>).
/// </summary>
internal readonly record struct PowerChange(double AtS, (double Cpu, double Gpu)? BusyW);

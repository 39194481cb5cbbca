namespace SlmEnergyBench.Harness.Machine;

/// <summary>Another process that used the CPU while the machine was sampled.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="Name">Its command name.</param>
/// <param name="BusyCores">CPU seconds it used per second of the sample: 1.0 is one logical core kept busy.</param>
public sealed record BusyProcess(int Pid, string Name, double BusyCores);

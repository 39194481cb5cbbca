namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// The state of the machine a run measured on, in <c>run.json</c> (<c>machineState</c>): what it ran from, how busy it was
/// before the first case, how its CPU clock was governed, and whether it was throttled; with the warnings they gave.
/// </summary>
/// <param name="PowerAtStart">Power source when the run started.</param>
/// <param name="PowerAtEnd">Power source when it ended; null until then.</param>
/// <param name="Governors">Linux CPU frequency governors at the start; null where there is none (macOS, a virtual machine).</param>
/// <param name="ThrottleCountAtStart">Linux's thermal throttle counters summed over all CPUs at the start; null where there is none.</param>
/// <param name="ThrottleCountAtEnd">The same at the end.</param>
/// <param name="Activity">Other processes' CPU use just before the meter started; null when the process table could not be read.</param>
/// <param name="ThermalPressure">The meter's thermal pressure over the run; null for meters that report none, and until the run ends.</param>
/// <param name="Warnings">What made the machine unfit for comparable figures (not quiet, on battery, throttled), one sentence each with what to do.</param>
public sealed record MachineState(
    PowerSource PowerAtStart,
    PowerSource? PowerAtEnd,
    CpuGovernors? Governors,
    long? ThrottleCountAtStart,
    long? ThrottleCountAtEnd,
    MachineActivity? Activity,
    ThermalPressure? ThermalPressure,
    IReadOnlyList<string> Warnings);

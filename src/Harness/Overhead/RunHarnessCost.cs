using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// What the harness itself cost over a run (<c>harnessCost</c> in <c>run.json</c>): the CPU time the OS counted for the test
/// program and the meter's process between the meter's start and the run's end, their share of the machine, and that in joules
/// at the run's own power per busy core. The CPU seconds are the OS's counts; the joules are an ESTIMATE (<see cref="Method"/>).
/// </summary>
/// <param name="WallS">Seconds from the meter's start to the run's end, s.</param>
/// <param name="LogicalCores">The machine's logical cores.</param>
/// <param name="TestProgramCpuS">The test program's CPU seconds over the run (every thread), s.</param>
/// <param name="EngineCpuS">The in-process engine's CPU seconds over every request, warm-ups included (left out of the harness's), s.</param>
/// <param name="MeterCpuS">The meter process tree's CPU seconds over the run, s; null when the meter runs in the test program or its process could not be read.</param>
/// <param name="HarnessCpuS">TestProgramCpuS - EngineCpuS + MeterCpuS (0 when null), s.</param>
/// <param name="Share">HarnessCpuS / (WallS x LogicalCores): the harness's share of the machine's CPU capacity.</param>
/// <param name="BusyCores">HarnessCpuS / WallS: logical cores the harness kept busy on average.</param>
/// <param name="Windows">The same over the measured request windows only.</param>
/// <param name="PowerPerBusyCore">What a busy core costs on this run's figures.</param>
/// <param name="Joules">HarnessCpuS x W per busy core, J: an ESTIMATE; null without a W per busy core.</param>
/// <param name="Method"><see cref="EnergyMethod.Estimated"/>, or <see cref="EnergyMethod.Simulated"/> when the power it rests on came from a fake meter.</param>
/// <param name="MeterReadFrom">How the meter's CPU was read, or why it is inside the test program's.</param>
/// <param name="Notes">What the figures include that a reader must know (a fake server or the engine's worker threads in the test program, ...).</param>
public sealed record RunHarnessCost(
    double WallS,
    int LogicalCores,
    double TestProgramCpuS,
    double EngineCpuS,
    double? MeterCpuS,
    double HarnessCpuS,
    double Share,
    double BusyCores,
    WindowsHarnessCost Windows,
    PowerPerBusyCore PowerPerBusyCore,
    double? Joules,
    EnergyMethod Method,
    string MeterReadFrom,
    IReadOnlyList<string> Notes);

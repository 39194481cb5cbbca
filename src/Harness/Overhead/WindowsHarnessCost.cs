namespace SlmEnergyBench.Harness.Overhead;

/// <summary>The harness's own CPU summed over the run's measured request windows (every case with a <see cref="CaseHarnessCost"/>).</summary>
/// <param name="Cases">How many windows.</param>
/// <param name="SpanS">Their seconds, s.</param>
/// <param name="TestProgramCpuS">The test program's CPU seconds in them, s.</param>
/// <param name="EngineCpuS">The in-process engine's CPU seconds in them (left out of the harness's), s.</param>
/// <param name="MeterCpuS">The meter process's CPU seconds in them, s: read at each window's edges where that is cheap, else the run's meter CPU pro rata of time (<see cref="MeterProRata"/>); null when the meter runs in process.</param>
/// <param name="MeterProRata">True when <see cref="MeterCpuS"/> is the run's meter CPU x <see cref="SpanS"/> / the run's seconds (macOS), not read at the windows' edges.</param>
/// <param name="HarnessCpuS">TestProgramCpuS - EngineCpuS + MeterCpuS, s.</param>
/// <param name="Share">HarnessCpuS / (SpanS x logical cores): the harness's share of the machine's CPU capacity in the windows.</param>
/// <param name="BusyCores">HarnessCpuS / SpanS: logical cores the harness kept busy on average in the windows.</param>
/// <param name="MachineBusyCores">Logical cores the whole machine kept busy on average in the windows (time-weighted); null where not read.</param>
/// <param name="Joules">HarnessCpuS x <see cref="PowerPerBusyCore.WattsPerBusyCore"/>: an ESTIMATE (SIMULATED under a fake meter), J; null without that.</param>
/// <param name="EnergyJ">The windows' total energy as the meter gave it (gross of idle), J; null when no window has one.</param>
/// <param name="ShareOfEnergy">Joules / EnergyJ; null when either is.</param>
public sealed record WindowsHarnessCost(
    int Cases,
    double SpanS,
    double TestProgramCpuS,
    double EngineCpuS,
    double? MeterCpuS,
    bool MeterProRata,
    double HarnessCpuS,
    double Share,
    double BusyCores,
    double? MachineBusyCores,
    double? Joules,
    double? EnergyJ,
    double? ShareOfEnergy);

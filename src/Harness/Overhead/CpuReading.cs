using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Overhead;

/// <summary>One reading of the CPU clocks the harness's cost is made of, at <see cref="AtS"/> on the session timeline.</summary>
/// <param name="AtS">When, s on the session timeline.</param>
/// <param name="TestProgramCpuS">This process's CPU seconds since it started.</param>
/// <param name="MeterCpuS">The meter process tree's CPU seconds since it started; null when not read.</param>
/// <param name="Machine">The machine's CPU times; null where they cannot be read.</param>
internal readonly record struct CpuReading(double AtS, double TestProgramCpuS, double? MeterCpuS, CpuTimes? Machine);

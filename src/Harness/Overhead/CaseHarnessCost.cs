namespace SlmEnergyBench.Harness.Overhead;

/// <summary>
/// The harness's own CPU during one case's request, from the OS (<c>harness</c> in a <c>cases.jsonl</c> record). The two
/// readings bracket the request's window (taken just before the request is sent and just after its answer), so
/// <see cref="SpanS"/> is the window's length plus a few microseconds.
/// </summary>
/// <param name="SpanS">Seconds between the two readings, s.</param>
/// <param name="TestProgramCpuS">CPU seconds of the test program (this process, every thread) between them, s.</param>
/// <param name="MeterCpuS">
/// CPU seconds of the meter's process and its children between them, s; null when the meter runs inside the test program
/// (RAPL, NVML, estimate: its CPU is in <see cref="TestProgramCpuS"/>) or its process cannot be read without starting another
/// process inside the window (macOS, where root's powermetrics is readable through <c>ps</c> only: read at the run's start and end).
/// </param>
/// <param name="MachineBusyCores">Logical cores the whole machine kept busy on average between them, from the OS's machine-wide CPU times; null where they cannot be read.</param>
/// <param name="HarnessCpuS">
/// The harness's own CPU seconds: <see cref="TestProgramCpuS"/> - the in-process engine's (<c>completion.engineCpuS</c>, 0 for a
/// backend in another process) + <see cref="MeterCpuS"/> (0 when null), s.
/// </param>
public sealed record CaseHarnessCost(double SpanS, double TestProgramCpuS, double? MeterCpuS, double? MachineBusyCores, double HarnessCpuS);

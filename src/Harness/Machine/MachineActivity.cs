using System.Globalization;

namespace SlmEnergyBench.Harness.Machine;

/// <summary>
/// How busy the machine was before the run measured anything: a sample of the process table and the machine's CPU times
/// taken twice, <see cref="SampleS"/> apart.
/// </summary>
/// <param name="SampleS">Length of the sample, s.</param>
/// <param name="MachineBusyCores">Logical cores the whole machine kept busy on average, from its CPU times; null where they cannot be read.</param>
/// <param name="OthersBusyCores">
/// Of those, what other processes than this test program and its children kept busy: machine busy cores - this process's
/// and its children's CPU seconds / <see cref="SampleS"/> (never below 0); where the machine's CPU times cannot be read,
/// the sum of <see cref="Busiest"/> and the rest of the table.
/// </param>
/// <param name="Busiest">The other processes that used the most CPU over the sample, most first (at most <see cref="MachineActivitySampler.Top"/>).</param>
/// <param name="ReadFrom">The process table's source: <c>/proc</c> or <c>ps -A -o pid=,ppid=,time=,comm=</c>.</param>
public sealed record MachineActivity(double SampleS, double? MachineBusyCores, double OthersBusyCores, IReadOnlyList<BusyProcess> Busiest, string ReadFrom)
{
    /// <summary>"dotnet 0.52 cores, chrome 0.10 cores"; "none" when no other process used the CPU.</summary>
    public string DescribeBusiest() => Busiest.Count == 0
        ? "none"
        : string.Join(", ", Busiest.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} (pid {b.Pid}) {b.BusyCores:0.00} cores")));
}

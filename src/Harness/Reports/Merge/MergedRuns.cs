using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// The runs of a merged report (<see cref="MergeReader.Read"/>): at least two machines with distinct labels, and the runs left out.
/// </summary>
/// <param name="Machines">The merged runs in the order given, each a machine.</param>
/// <param name="Skipped">The runs given but left out, with the reason (unreadable, not a run, no passed case, given twice).</param>
public sealed record MergedRuns(IReadOnlyList<MergedMachine> Machines, IReadOnlyList<SkippedRun> Skipped)
{
    /// <summary>
    /// The units (models, or <c>runtime / model</c>) with a passed case on any machine, in the order they first appear over the
    /// machines (each run's own order, <see cref="RunData.Models"/>).
    /// </summary>
    public IReadOnlyList<string> Models =>
        [.. Machines.SelectMany(m => ReportTables.OrderedSummaries(m.Run).Where(s => s.Passed > 0).Select(s => s.Model)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One row per (model, machine) that has passed cases of the model, grouped by model (<see cref="Models"/>), the machines in
    /// their order within a model: each row is that machine's own summary of the model, unchanged.
    /// </summary>
    public IReadOnlyList<MachineModel> Rows =>
        [.. Models.SelectMany(model => Machines
            .Select(m => (Machine: m, Summary: m.Run.Summary.Models.FirstOrDefault(s => s.Model == model && s.Passed > 0)))
            .Where(x => x.Summary is not null)
            .Select(x => new MachineModel(x.Machine, x.Summary!)))];
}

/// <summary>One machine's summary of one model: a row of the merged tables and a bar of the merged charts.</summary>
/// <param name="Machine">The machine (run).</param>
/// <param name="Summary">The run's own summary of the model (<see cref="RunSummary.Of"/>), unchanged.</param>
public sealed record MachineModel(MergedMachine Machine, ModelSummary Summary);

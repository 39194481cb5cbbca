namespace SlmEnergyBench.Harness.Reports.Merge;

/// <summary>
/// Reads the runs of a merged report. A run that cannot be used is left out with its reason (<see cref="SkippedRun"/>), so one
/// bad folder never loses the others: one that is not a run folder or cannot be read (the message of <see cref="RunDataReader"/>),
/// one without a passed case (no summary to show), one given twice. Fewer than two usable runs is an error naming each left out.
/// </summary>
public static class MergeReader
{
    /// <summary>The fewest runs a merged report sets side by side.</summary>
    public const int MinimumRuns = 2;

    /// <summary>
    /// Reads every run of <paramref name="given"/> (each resolved to its folder by <paramref name="resolve"/>, which throws
    /// <see cref="RunDataException"/> for one it cannot find) and labels them (<see cref="MachineLabels.Assign"/>).
    /// </summary>
    /// <exception cref="RunDataException">
    /// Fewer than <see cref="MinimumRuns"/> runs given or usable (the message names each run left out and why), a <c>--label</c> that
    /// names no run given, or two runs with one label.
    /// </exception>
    public static MergedRuns Read(IReadOnlyList<string> given, Func<string, string> resolve, IReadOnlyList<LabelOverride> labels)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(labels);
        if (given.Count < MinimumRuns)
        {
            throw new RunDataException(
                $"merge needs at least {MinimumRuns} runs, one per machine; {given.Count} given ({(given.Count == 0 ? "none" : given[0])}). "
                + "Give two run folders or more, e.g. slmbench merge results/20261126-193527-fake results/20261127-101500-gpt4all.");
        }

        var read = new List<(string Given, RunData Run)>();
        var skipped = new List<SkippedRun>();
        foreach (var run in given)
        {
            try
            {
                var data = RunDataReader.Read(resolve(run));
                var same = read.FirstOrDefault(r => MachineLabels.SameFolder(r.Run.Directory, data.Directory));
                if (same.Run is not null)
                    skipped.Add(new SkippedRun(run, $"{run}: the same run folder as {same.Given}, given twice; it is merged once."));
                else if (!data.Summary.Models.Any(m => m.Passed > 0))
                    skipped.Add(new SkippedRun(run, NoPassedCase(run, data)));
                else
                    read.Add((run, data));
            }
            catch (RunDataException e)
            {
                skipped.Add(new SkippedRun(run, e.Message));
            }
        }

        CheckLabelsNameARun(labels, given, read);
        if (read.Count < MinimumRuns)
        {
            var reasons = string.Join(Environment.NewLine, skipped.Select(s => "  " + s.Reason));
            throw new RunDataException(
                $"merge needs at least {MinimumRuns} usable runs; {read.Count} of the {given.Count} given can be merged. Left out:{Environment.NewLine}{reasons}"
                + $"{Environment.NewLine}Fix or replace those runs (slmbench report <run> shows what each holds), or give other run folders.");
        }

        var names = MachineLabels.Assign(read, labels);
        return new MergedRuns([.. read.Select((r, i) => new MergedMachine(i, names[i], r.Given, r.Run))], skipped);
    }

    private static string NoPassedCase(string given, RunData data) =>
        $"{given}: no passed case ({data.Cases.Count} case records read from {RunDataReader.CasesFile}, none passed), so it has no summary to set beside "
        + $"the other machines. Resume it (slmbench run --resume {data.RunId}) or make a new run, or leave it out.";

    /// <summary>A <c>--label</c> must name a run given: else it is a typo, said rather than ignored.</summary>
    private static void CheckLabelsNameARun(IReadOnlyList<LabelOverride> labels, IReadOnlyList<string> given, List<(string Given, RunData Run)> read)
    {
        foreach (var label in labels)
        {
            if (given.Contains(label.Run, StringComparer.Ordinal) || read.Any(r => MachineLabels.Matches(label.Run, r.Given, r.Run)))
                continue;
            throw new RunDataException(
                $"--label {label.Run}={label.Name}: no run given as '{label.Run}'. Name one of the runs given ({string.Join(", ", given)}) as you gave it, "
                + "by its run id or by its folder's name.");
        }
    }
}

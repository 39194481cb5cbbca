using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Resume;

/// <summary>
/// The interrupted run a resumption continues: its folder, its <c>run.json</c>, and the cases it already finished
/// (the last record of each model x prompt x repetition whose outcome is <c>passed</c>: those are kept; a failed or
/// cancelled case is measured again).
/// </summary>
public sealed class PriorRun
{
    private PriorRun(string directory, RunManifest manifest, IReadOnlyDictionary<CaseKey, CaseRecord> kept, IReadOnlyList<string> warnings)
    {
        Directory = directory;
        Manifest = manifest;
        Kept = kept;
        Warnings = warnings;
    }

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    public RunManifest Manifest { get; }

    /// <summary>The passed cases to keep, by case.</summary>
    public IReadOnlyDictionary<CaseKey, CaseRecord> Kept { get; }

    /// <summary>What reading the folder found wrong but not fatal (an incomplete last line cut by the interruption).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Finds the run named by <paramref name="idOrLatest"/> under <paramref name="resultsRoot"/> (a run id, a run folder's
    /// path, or <c>latest</c>: the run that started last) and reads it.
    /// </summary>
    /// <exception cref="ResumeException">No such run, no run at all, an unreadable run, a run that is complete, or one still running.</exception>
    public static PriorRun Find(string resultsRoot, string idOrLatest, string lockPath)
    {
        ArgumentNullException.ThrowIfNull(idOrLatest);
        var directory = idOrLatest.Trim().Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? Latest(resultsRoot)
            : Named(resultsRoot, idOrLatest.Trim());
        RunData data;
        try
        {
            data = RunDataReader.Read(directory);
        }
        catch (RunDataException e)
        {
            throw new ResumeException($"Run {Path.GetFileName(directory)} cannot be resumed: {e.Message}");
        }

        var m = data.Manifest;
        if (RunLock.IsHeldFor(lockPath, m.RunId))
            throw new ResumeException($"Run {m.RunId} is still running in another process: it cannot be resumed while it goes. Wait for it, or stop it and resume then.");
        var last = new Dictionary<CaseKey, CaseRecord>();
        foreach (var record in data.Cases)
            last[CaseKey.Of(record)] = record;
        var kept = last.Where(p => p.Value.Outcome == "passed").ToDictionary(p => p.Key, p => p.Value);
        if (m.Status == "completed" && (m.CasesPlanned == 0 || kept.Count >= m.CasesPlanned))
        {
            throw new ResumeException($"Run {m.RunId} is complete ({kept.Count} cases passed): there is nothing to resume. " +
                                      "Start a new run without ENERGYBENCH_RESUME (or without --resume).");
        }

        return new PriorRun(directory, m, kept, data.Warnings);
    }

    private static string Named(string resultsRoot, string id)
    {
        var directory = Path.IsPathRooted(id) || id.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetFullPath(id) : Path.Combine(resultsRoot, id);
        if (System.IO.Directory.Exists(directory))
            return directory;
        var known = Runs(resultsRoot).Take(5).Select(Path.GetFileName).ToList();
        throw new ResumeException($"There is no run '{id}' to resume in {resultsRoot}" +
                                  (known.Count > 0 ? $"; the latest runs there are {string.Join(", ", known)}" : "; it holds no run") +
                                  ". Give a run id from that folder, or 'latest'.");
    }

    private static string Latest(string resultsRoot) =>
        Runs(resultsRoot).FirstOrDefault()
        ?? throw new ResumeException($"There is no run to resume in {resultsRoot}: it holds no run folder with a run.json. Start a new run without ENERGYBENCH_RESUME (or without --resume).");

    /// <summary>Run folders (those holding a run.json), newest first by the time run.json was first written.</summary>
    private static IEnumerable<string> Runs(string resultsRoot) =>
        System.IO.Directory.Exists(resultsRoot)
            ? System.IO.Directory.EnumerateDirectories(resultsRoot)
                .Where(d => File.Exists(Path.Combine(d, RunDataReader.ManifestFile)))
                .OrderByDescending(d => System.IO.Directory.GetCreationTimeUtc(d)).ThenByDescending(d => d, StringComparer.Ordinal)
            : [];
}

using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Cli;

/// <summary>Finds a run folder from what the user typed (a folder path, or a run id under the results folder) and checks the results folder.</summary>
internal static class RunFolders
{
    public static string Resolve(string run, string resultsDirectory)
    {
        if (File.Exists(run))
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(run));
            throw new RunDataException($"{run} is a file; give the run folder that holds it (e.g. {parent}).");
        }

        var directory = Directory.Exists(run) ? run
            : Directory.Exists(Path.Combine(resultsDirectory, run)) ? Path.Combine(resultsDirectory, run)
            : throw new RunDataException(NoSuchRun(run, resultsDirectory));
        if (!File.Exists(Path.Combine(directory, RunDataReader.ManifestFile)))
        {
            throw new RunDataException(
                $"{directory}: not a run folder (no {RunDataReader.ManifestFile}). A run folder holds run.json, cases.jsonl and samples.jsonl; "
                + "give one folder under results/, not results/ itself.");
        }

        return Path.GetFullPath(directory);
    }

    /// <summary>
    /// The results folder where a new run folder goes, made if missing; a message naming it as the results folder when
    /// it is a file or cannot be made.
    /// </summary>
    public static string UsableResults(string resultsDirectory)
    {
        if (File.Exists(resultsDirectory))
            throw new RunDataException($"--results {resultsDirectory} is a file; give the results folder where the new run folder is created (e.g. --results results).");
        try
        {
            Directory.CreateDirectory(resultsDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunDataException(
                $"--results {resultsDirectory}: cannot use it as the results folder ({e.Message}). Give a folder you can write to, e.g. --results results.", e);
        }

        return resultsDirectory;
    }

    private static string NoSuchRun(string run, string resultsDirectory) =>
        Directory.Exists(resultsDirectory)
            ? $"{run}: no such run folder, and no run '{run}' under {resultsDirectory}. Give a run folder (e.g. results/20261126-193527-fake) "
              + $"or a run id under --results (list them with 'ls {resultsDirectory}')."
            : $"{run}: no such run folder, and the results folder {resultsDirectory} (--results) does not exist. Give a run folder "
              + "(e.g. results/20261126-193527-fake), or the results folder that holds the run with --results.";
}

using SlmEnergyBench.Harness.Reports;

namespace SlmEnergyBench.Cli;

/// <summary>Finds a run folder from what the user typed: a folder path, or a run id under the results folder.</summary>
internal static class RunFolders
{
    public static string Resolve(string run, string resultsDirectory)
    {
        var directory = Directory.Exists(run) ? run
            : Directory.Exists(Path.Combine(resultsDirectory, run)) ? Path.Combine(resultsDirectory, run)
            : throw new RunDataException(
                $"{run}: no such run folder, and no run '{run}' under {resultsDirectory}. Give a run folder (e.g. results/20261126-193527-fake) "
                + $"or a run id under --results (list them with 'ls {resultsDirectory}').");
        if (!File.Exists(Path.Combine(directory, RunDataReader.ManifestFile)))
        {
            throw new RunDataException(
                $"{directory}: not a run folder (no {RunDataReader.ManifestFile}). A run folder holds run.json, cases.jsonl and samples.jsonl; "
                + "give one folder under results/, not results/ itself.");
        }

        return Path.GetFullPath(directory);
    }
}

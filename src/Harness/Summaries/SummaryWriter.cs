using System.Text.Json;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>Writes <c>summary.json</c> into a run folder.</summary>
public static class SummaryWriter
{
    public const string FileName = "summary.json";

    /// <summary>Writes <paramref name="summary"/> atomically (temp file, then rename); returns the file's path.</summary>
    public static string Write(string runDirectory, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var path = Path.Combine(runDirectory, FileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(summary, ResultsJson.Indented));
        return path;
    }
}

using System.Text.Json;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// Writes one run into a new folder <c>&lt;results&gt;/&lt;run-id&gt;/</c>: <c>run.json</c> (rewritten atomically
/// as the run progresses), <c>cases.jsonl</c> (one record appended and flushed per case) and
/// <c>samples.jsonl</c> (every meter sample). Earlier runs are never deleted or overwritten.
/// </summary>
public sealed class ResultsWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _cases;
    private readonly StreamWriter _samples;
    private int _samplesWritten;

    private ResultsWriter(string directory, string runId)
    {
        Directory = directory;
        RunId = runId;
        _cases = Open(Path.Combine(directory, "cases.jsonl"));
        _samples = Open(Path.Combine(directory, "samples.jsonl"));
    }

    public string Directory { get; }

    public string RunId { get; }

    /// <summary>Creates a fresh run folder under <paramref name="resultsRoot"/>, named after the start time and profile.</summary>
    public static ResultsWriter Create(string resultsRoot, string profile, DateTimeOffset startedUtc)
    {
        System.IO.Directory.CreateDirectory(resultsRoot);
        var stem = $"{startedUtc.UtcDateTime:yyyyMMdd-HHmmss}-{profile}";
        for (var attempt = 1; ; attempt++)
        {
            var runId = attempt == 1 ? stem : $"{stem}-{attempt}";
            var path = Path.Combine(resultsRoot, runId);
            if (System.IO.Directory.Exists(path))
                continue;
            System.IO.Directory.CreateDirectory(path);
            return new ResultsWriter(path, runId);
        }
    }

    /// <summary>Writes <c>run.json</c> atomically (temp file, then rename), so a crash never leaves half a manifest.</summary>
    public void WriteManifest(RunManifest manifest)
    {
        lock (_gate)
        {
            AtomicFile.WriteAllText(Path.Combine(Directory, "run.json"), JsonSerializer.Serialize(manifest, ResultsJson.Indented));
        }
    }

    /// <summary>Appends one case and flushes it to disk before returning.</summary>
    public void AppendCase(CaseRecord record)
    {
        lock (_gate)
        {
            _cases.WriteLine(JsonSerializer.Serialize(record, ResultsJson.Line));
            _cases.Flush();
        }
    }

    /// <summary>Appends the meter samples not written yet.</summary>
    public void AppendSamples(IReadOnlyList<MeterSample> all)
    {
        lock (_gate)
        {
            for (; _samplesWritten < all.Count; _samplesWritten++)
                _samples.WriteLine(JsonSerializer.Serialize(all[_samplesWritten], ResultsJson.Line));
            _samples.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cases.Dispose();
            _samples.Dispose();
        }
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read)) { AutoFlush = false };
}

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

    private ResultsWriter(string directory, string runId, FileMode mode)
    {
        Directory = directory;
        RunId = runId;
        _cases = Open(Path.Combine(directory, "cases.jsonl"), mode);
        _samples = Open(Path.Combine(directory, "samples.jsonl"), mode);
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
            return new ResultsWriter(path, runId, FileMode.CreateNew);
        }
    }

    /// <summary>
    /// Reopens the folder of an interrupted run to append to it (a resumed run). A last line that the interruption cut
    /// short (no newline at the end of <c>cases.jsonl</c> or <c>samples.jsonl</c>) is removed first, so the next record
    /// starts on its own line; every complete line is kept as it is. Returns the writer and how many bytes were removed.
    /// </summary>
    /// <exception cref="IOException">A file cannot be opened for appending.</exception>
    public static (ResultsWriter Writer, long TornBytes) Resume(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var torn = CutTornLine(Path.Combine(directory, "cases.jsonl")) + CutTornLine(Path.Combine(directory, "samples.jsonl"));
        return (new ResultsWriter(directory, Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), FileMode.Append), torn);
    }

    /// <summary>Truncates <paramref name="path"/> after its last newline; returns the bytes removed (0 when it ends with one or is missing).</summary>
    private static long CutTornLine(string path)
    {
        if (!File.Exists(path))
            return 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var length = file.Length;
        var keep = length;
        var one = new byte[1];
        while (keep > 0)
        {
            file.Position = keep - 1;
            file.ReadExactly(one);
            if (one[0] == (byte)'\n')
                break;
            keep--;
        }

        file.SetLength(keep);
        return length - keep;
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

    private static StreamWriter Open(string path, FileMode mode) =>
        new(new FileStream(path, mode, FileAccess.Write, FileShare.Read)) { AutoFlush = false };
}

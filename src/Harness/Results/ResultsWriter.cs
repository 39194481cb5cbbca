using System.Text.Json;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// Writes one run into a new folder <c>&lt;results&gt;/&lt;run-id&gt;/</c>: <c>run.json</c> (rewritten atomically
/// as the run progresses), <c>cases.jsonl</c> (one record appended and flushed per case) and
/// <c>samples.jsonl</c> (every meter sample). Earlier runs are never deleted or overwritten. A write that fails (a
/// full or read-only disk) throws <see cref="ResultsWriteException"/> saying what is safe and what to do, and nothing
/// more is appended to the run's files after it (<see cref="ResultsGuard"/>).
/// </summary>
public sealed class ResultsWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly JsonLinesFile _cases;
    private readonly JsonLinesFile _samples;
    private readonly JsonLinesFile _points;
    private readonly ResultsGuard _guard;
    private int _samplesWritten;

    private ResultsWriter(string directory, string runId, Func<string, Stream> open)
    {
        Directory = directory;
        RunId = runId;
        _guard = new ResultsGuard(directory);
        _cases = Open(Path.Combine(directory, "cases.jsonl"), open);
        _samples = Open(Path.Combine(directory, "samples.jsonl"), open);
        _points = Open(Path.Combine(directory, PointsFile), open);
    }

    /// <summary>The file of the run's overlapping points (<see cref="PointRecord"/>), one line each; empty when no point overlapped.</summary>
    public const string PointsFile = "points.jsonl";

    public string Directory { get; }

    public string RunId { get; }

    /// <summary>
    /// Creates a fresh run folder under <paramref name="resultsRoot"/>, named after the start time and profile; throws
    /// <see cref="ResultsWriteException"/> when it cannot be created or written.
    /// </summary>
    /// <param name="resultsRoot">The results folder (<c>Results:Directory</c>), created when missing.</param>
    /// <param name="profile">The profile, the run id's suffix.</param>
    /// <param name="startedUtc">The run's start, the run id's prefix.</param>
    /// <param name="open">Opens each appended file (tests pass a stream that fills up); <see cref="JsonLinesFile.OpenNew"/> when null.</param>
    public static ResultsWriter Create(string resultsRoot, string profile, DateTimeOffset startedUtc, Func<string, Stream>? open = null)
    {
        try
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
                return new ResultsWriter(path, runId, open ?? JsonLinesFile.OpenNew);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ResultsGuard.CannotCreate(resultsRoot, e);
        }
    }

    /// <summary>
    /// Reopens the folder of an interrupted run to append to it (a resumed run). A last line that the interruption cut
    /// short (no newline at the end of <c>cases.jsonl</c> or <c>samples.jsonl</c>) is removed first, so the next record
    /// starts on its own line; every complete line is kept as it is. Returns the writer and how many bytes were removed.
    /// </summary>
    /// <exception cref="ResultsWriteException">A file cannot be opened for appending.</exception>
    public static (ResultsWriter Writer, long TornBytes) Resume(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            var torn = CutTornLine(Path.Combine(directory, "cases.jsonl")) + CutTornLine(Path.Combine(directory, "samples.jsonl"))
                       + (File.Exists(Path.Combine(directory, PointsFile)) ? CutTornLine(Path.Combine(directory, PointsFile)) : 0);
            return (new ResultsWriter(directory, Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), JsonLinesFile.OpenAppend), torn);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ResultsGuard.CannotCreate(directory, e);
        }
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

    /// <summary>Why nothing more is appended to this run's files (a write failed: a full or read-only disk); null while all is well.</summary>
    public string? WriteFailure
    {
        get
        {
            lock (_gate)
                return _guard.Broken;
        }
    }

    /// <summary>Throws the <see cref="ResultsWriteException"/> of an earlier failed write: a case that cannot be recorded is not measured.</summary>
    public void ThrowIfBroken()
    {
        lock (_gate)
            _guard.ThrowIfBroken();
    }

    /// <summary>
    /// Writes <c>run.json</c> atomically (temp file, then rename), so a crash never leaves half a manifest. After a
    /// failed append (<see cref="ResultsGuard"/>) a manifest that cannot be written either leaves the previous one and
    /// throws nothing more: the append's error already said what happened.
    /// </summary>
    public void WriteManifest(RunManifest manifest)
    {
        lock (_gate)
        {
            try
            {
                AtomicFile.WriteAllText(Path.Combine(Directory, "run.json"), JsonSerializer.Serialize(manifest, ResultsJson.Indented));
            }
            catch (Exception e) when (_guard.Broken is not null && e is IOException or UnauthorizedAccessException)
            {
                // The previous run.json is intact (atomic write); the run's failure is already reported.
            }
        }
    }

    /// <summary>Appends one case and flushes it to disk before returning; <see cref="ResultsWriteException"/> when it cannot.</summary>
    public void AppendCase(CaseRecord record)
    {
        lock (_gate)
        {
            _guard.Append(_cases, _cases, $"The record of case {record.PromptOrdinal + 1} of '{record.Model}'",
                () => _cases.Append([JsonSerializer.Serialize(record, ResultsJson.Line)]));
        }
    }

    /// <summary>Appends one overlapping point's record and flushes it; <see cref="ResultsWriteException"/> when it cannot.</summary>
    public void AppendPoint(PointRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _guard.Append(_points, _cases, $"The record of point '{record.Unit}', run {record.Repetition}",
                () => _points.Append([JsonSerializer.Serialize(record, ResultsJson.Line)]));
        }
    }

    /// <summary>Appends the meter samples not written yet (those of <paramref name="all"/> past the ones written); after a failed append, nothing (the failure was reported).</summary>
    public void AppendSamples(IReadOnlyList<MeterSample> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        AppendSamples(written => [.. all.Skip(written)]);
    }

    /// <summary>
    /// Appends the samples <paramref name="samplesFrom"/> gives from the count already written on (e.g.
    /// <see cref="Metering.IPowerMeter.SamplesFrom"/>), so that only the new samples are copied, not the whole run's; after a
    /// failed append, nothing (the failure was reported).
    /// </summary>
    public void AppendSamples(Func<int, IReadOnlyList<MeterSample>> samplesFrom)
    {
        ArgumentNullException.ThrowIfNull(samplesFrom);
        lock (_gate)
        {
            if (_guard.Broken is not null)
                return;
            var fresh = samplesFrom(_samplesWritten);
            if (fresh.Count == 0)
                return;
            var lines = fresh.Select(s => JsonSerializer.Serialize(s, ResultsJson.Line)).ToList();
            _guard.Append(_samples, _cases, $"{lines.Count} meter sample(s)", () => _samples.Append(lines));
            _samplesWritten += fresh.Count;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cases.Dispose();
            _samples.Dispose();
            _points.Dispose();
        }
    }

    /// <summary>Opens one appended file; an existing one (a resumed run) counts its complete lines as already written.</summary>
    private static JsonLinesFile Open(string path, Func<string, Stream> open)
    {
        var existing = File.Exists(path) ? File.ReadLines(path).Count() : 0;
        return new JsonLinesFile(path, open(path), existing);
    }
}

using System.Globalization;
using System.Text.Json;

namespace SlmEnergyBench.Harness.Lifetime;

/// <summary>
/// One run per machine: two runs at once would measure each other's work. The lock is an exclusive OS lock on
/// <see cref="Path"/> (on Linux and macOS <c>flock</c>, which .NET takes for <see cref="FileShare.None"/>), released by
/// the OS when the process ends, however it ends (SIGKILL included), so a killed run never leaves a stale lock. Beside
/// it, <c>&lt;lock&gt;.json</c> says who holds it (run id, process id, start time) for the message a second run prints.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>How the refusal of a second run starts.</summary>
    public const string RefusalStart = "Another SlmEnergyBench run is measuring on this machine";

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The default lock file: <c>slmenergybench.lock</c> in the system's temporary folder (shared by every run of this user).</summary>
    public static string DefaultPath => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slmenergybench.lock");

    /// <summary>
    /// Takes the lock for run <paramref name="runId"/>, or returns null and the holder's description in <paramref name="refusal"/>
    /// (a sentence saying which run holds it and what to do).
    /// </summary>
    public static RunLock? TryTake(string path, string runId, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException || e is IOException && !File.Exists(path))
        {
            refusal = $"The machine lock {path} (one run at a time on this machine) cannot be created ({e.Message}): set Results:MachineLock to a file in a folder you can write, " +
                      "or leave it empty for the default in the temporary folder.";
            return null;
        }
        catch (IOException)
        {
            var holder = ReadHolder(path);
            refusal = RefusalStart + (holder is null ? "" : $" ({holder})") +
                      ": two runs at once would measure each other's work, so this one does not start. Wait for it to end or stop it, then run again. " +
                      $"(The lock is {path}; the OS releases it when that run's process ends.)";
            return null;
        }

        refusal = null;
        var info = new LockHolder(runId, Environment.ProcessId, DateTimeOffset.UtcNow);
        Results.AtomicFile.WriteAllText(path + ".json", JsonSerializer.Serialize(info));
        return new RunLock(stream, path);
    }

    /// <summary>Names the run that holds the lock (once its run id is known), for the message a second run prints.</summary>
    public void Name(string runId) =>
        Results.AtomicFile.WriteAllText(Path + ".json", JsonSerializer.Serialize(new LockHolder(runId, Environment.ProcessId, DateTimeOffset.UtcNow)));

    /// <summary>True when some live process holds the lock at <paramref name="path"/> for run <paramref name="runId"/> (a run still going).</summary>
    public static bool IsHeldFor(string path, string runId)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return ReadHolderInfo(path)?.RunId == runId;
        }
    }

    private static string? ReadHolder(string path) => ReadHolderInfo(path) is { } h
        ? string.Create(CultureInfo.InvariantCulture, $"run {h.RunId}, process {h.ProcessId}, started {h.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC")
        : null;

    private static LockHolder? ReadHolderInfo(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(path + ".json"));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();

    private sealed record LockHolder(string RunId, int ProcessId, DateTimeOffset StartedUtc);
}

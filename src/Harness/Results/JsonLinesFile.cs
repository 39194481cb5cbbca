using System.Text;

namespace SlmEnergyBench.Harness.Results;

/// <summary>
/// An append-only JSON-lines file that buffers nothing: each <see cref="Append"/> goes to the stream in one write and
/// is flushed, so a failed write (a full disk) leaves at most one partial last line on disk and nothing in memory
/// that a later flush could slip in between whole lines.
/// </summary>
/// <param name="path">The file, for messages.</param>
/// <param name="stream">Where the lines go: the file, opened without a buffer.</param>
/// <param name="existingLines">Whole lines the file held when opened (a resumed run's earlier records).</param>
internal sealed class JsonLinesFile(string path, Stream stream, int existingLines = 0) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>Lines in the file written and flushed whole (those it held when opened included).</summary>
    public int Lines { get; private set; } = existingLines;

    /// <summary>Opens a new file (never an existing one) for appending, unbuffered.</summary>
    public static Stream OpenNew(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Opens an existing file (a resumed run's) to append to it, unbuffered.</summary>
    public static Stream OpenAppend(string path) =>
        new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Writes <paramref name="lines"/>, each ended by '\n', in one write, and flushes; throws what the stream throws.</summary>
    public void Append(IReadOnlyCollection<string> lines)
    {
        if (lines.Count == 0)
            return;
        var text = new StringBuilder();
        foreach (var line in lines)
            text.Append(line).Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        stream.Flush();
        Lines += lines.Count;
    }

    /// <summary>Closes the file; a close that fails (the disk filled) loses nothing already flushed, so it is not an error.</summary>
    public void Dispose()
    {
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // Everything appended was flushed by Append; there is nothing left to write.
        }
    }
}

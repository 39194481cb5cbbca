namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Incremental parser of powermetrics' <c>-f plist</c> stream: one plist document per sample, documents
/// separated by a NUL byte. Feed it bytes as they are read; it returns the documents completed so far and
/// keeps the incomplete tail for the next call. Not thread-safe: one reader feeds it.
/// </summary>
/// <remarks>
/// A document ends at a NUL byte or right after its closing <c>&lt;/plist&gt;</c>, whichever comes first
/// (so a sample is delivered without waiting for the separator). A chunk holding <c>&lt;?xml</c> or
/// <c>&lt;plist</c> that does not parse is reported corrupt (a lost sample); anything else between
/// documents (whitespace, text) is harmless garbage and ignored, as is garbage before a document's start.
/// </remarks>
public sealed class PlistStreamParser
{
    /// <summary>A pending document larger than this is dropped as corrupt (protects memory from a stream without separators).</summary>
    public const int MaxDocumentBytes = 8 * 1024 * 1024;

    private static ReadOnlySpan<byte> PlistEnd => "</plist>"u8;

    private static ReadOnlySpan<byte> XmlStart => "<?xml"u8;

    private static ReadOnlySpan<byte> PlistStart => "<plist"u8;

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    /// <summary>Bytes kept for the next call (an incomplete document or garbage).</summary>
    public int PendingBytes => _length;

    /// <summary>Appends <paramref name="bytes"/> and returns the documents completed by them, in stream order.</summary>
    public IReadOnlyList<PlistDocumentResult> Feed(ReadOnlySpan<byte> bytes)
    {
        Append(bytes);
        var results = new List<PlistDocumentResult>();
        var consumed = 0;
        while (NextChunkLength(_buffer.AsSpan(consumed, _length - consumed), out var chunkLength, out var skip))
        {
            Classify(_buffer.AsSpan(consumed, chunkLength), results);
            consumed += chunkLength + skip;
        }

        if (_length - consumed > MaxDocumentBytes)
        {
            results.Add(PlistDocumentResult.Corrupt($"more than {MaxDocumentBytes} bytes without a document end; dropped"));
            consumed = _length;
        }

        _buffer.AsSpan(consumed, _length - consumed).CopyTo(_buffer);
        _length -= consumed;
        return results;
    }

    /// <summary>End of stream: a pending tail that holds a document start is a truncated (corrupt) document.</summary>
    public IReadOnlyList<PlistDocumentResult> Complete()
    {
        var results = new List<PlistDocumentResult>();
        Classify(_buffer.AsSpan(0, _length), results);
        _length = 0;
        return results;
    }

    /// <summary>Length of the first complete chunk, and how many separator bytes follow it (1 for NUL, 0 after &lt;/plist&gt;).</summary>
    private static bool NextChunkLength(ReadOnlySpan<byte> pending, out int length, out int skip)
    {
        var nul = pending.IndexOf((byte)0);
        var end = pending.IndexOf(PlistEnd);
        if (end >= 0 && (nul < 0 || end < nul))
        {
            length = end + PlistEnd.Length;
            skip = 0;
            return true;
        }

        length = nul;
        skip = 1;
        return nul >= 0;
    }

    private static void Classify(ReadOnlySpan<byte> chunk, List<PlistDocumentResult> results)
    {
        var start = chunk.IndexOf(XmlStart);
        if (start < 0)
            start = chunk.IndexOf(PlistStart);
        if (start < 0)
            return; // harmless garbage: whitespace, a newline after </plist>, stray text

        try
        {
            results.Add(PlistDocumentResult.Parsed(PowermetricsPlistReader.Parse(chunk[start..])));
        }
        catch (FormatException e)
        {
            results.Add(PlistDocumentResult.Corrupt(e.Message));
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}

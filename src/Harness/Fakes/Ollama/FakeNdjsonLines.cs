using System.Diagnostics.CodeAnalysis;
using WireMock.Models;

namespace SlmEnergyBench.Harness.Fakes.Ollama;

/// <summary>
/// Feeds WireMock's streamed body (<c>BodyType.SseString</c>) from an enumeration of lines that paces itself.
/// WireMock.Net 1.25 writes each string its queue hands over verbatim, with no SSE framing, and flushes it
/// (<c>OwinResponseMapper.HandleSseStringAsync</c>), so NDJSON lines go out exactly as written. Its own
/// <c>WithSseBody</c> cannot be used: it makes ONE queue per mapping, shared by every request to it, and a queue once
/// closed refuses the next request's lines. Here each request gets its own queue, and <see cref="TryRead"/> (a blocking
/// call by WireMock's design) waits for each line's scripted time itself, so no second thread has to wake for a line to go out.
/// </summary>
internal sealed class FakeNdjsonLines(IEnumerable<string> lines) : IBlockingQueue<string?>
{
    private readonly IEnumerator<string> _lines = lines.GetEnumerator();
    private bool _ended;

    /// <summary>The next line once its time has come; false when the stream has ended.</summary>
    public bool TryRead([NotNullWhen(true)] out string? item)
    {
        if (!_ended && _lines.MoveNext())
        {
            item = _lines.Current;
            return true;
        }

        Close();
        item = null;
        return false;
    }

    /// <summary>Not used: the lines come from the script.</summary>
    public void Write(string? item) => throw new NotSupportedException("The fake's lines come from its script.");

    /// <summary>Ends the stream (runs the script's clean-up: busy file cleared, the next request let in).</summary>
    public void Close()
    {
        if (_ended)
            return;
        _ended = true;
        _lines.Dispose();
    }
}

using WireMock.Models;

namespace SlmEnergyBench.Harness.Fakes.OpenAi;

/// <summary>
/// The SSE lines of one streamed answer, written by the fake as their time comes and read by WireMock, which writes each to
/// the response body as it is and flushes. One per request: WireMock 1.25's <c>WithSseBody</c> keeps one queue per mapping,
/// closed after the first stream, so a second stream on the same mapping failed ("Cannot write to a closed queue", seen here).
/// </summary>
/// <param name="readTimeout">Longest <see cref="TryRead"/> waits for the next line; longer than any scripted gap.</param>
internal sealed class FakeSseQueue(TimeSpan readTimeout) : IBlockingQueue<string?>
{
    private readonly Queue<string?> _lines = new();
    // Monitor.Wait/PulseAll need a monitor: a plain object, not System.Threading.Lock.
    private readonly object _lock = new();
    private bool _closed;

    public void Write(string? item)
    {
        lock (_lock)
        {
            if (_closed)
                throw new InvalidOperationException("The stream is closed.");
            _lines.Enqueue(item);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The next line; false once the queue is closed and empty, or when none came within the read timeout.</summary>
#pragma warning disable CS8767 // WireMock's interface declares out T? without the attribute the compiler expects for T = string?.
    public bool TryRead(out string? item)
#pragma warning restore CS8767
    {
        lock (_lock)
        {
            var deadline = DateTime.UtcNow + readTimeout;
            while (_lines.Count == 0 && !_closed)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_lock, left))
                    break;
            }

            return _lines.TryDequeue(out item);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            Monitor.PulseAll(_lock);
        }
    }
}

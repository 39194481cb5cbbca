namespace SlmEnergyBench.Unit.Faults;

/// <summary>How much of a <see cref="RawAnswer.Huge"/> body the server got out before the client stopped reading, and whether it has stopped trying.</summary>
internal sealed class RawProgress
{
    private long _sent;
    private int _done;

    /// <summary>Body bytes written to the connection so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>True once the answer's writing ended (all written, or the client closed the connection).</summary>
    public bool Done => Volatile.Read(ref _done) == 1;

    public void Add(long bytes) => Interlocked.Add(ref _sent, bytes);

    public void Finish() => Volatile.Write(ref _done, 1);

    /// <summary>Waits until <see cref="Done"/>; at most <paramref name="limit"/>.</summary>
    public async Task WaitDoneAsync(TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Done && DateTime.UtcNow < deadline)
            await Task.Delay(10, ct);
    }
}

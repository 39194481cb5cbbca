using System.Diagnostics;

namespace SlmEnergyBench.Harness.Fakes.Streaming;

/// <summary>
/// Waits until given offsets after a start, measured on <see cref="Stopwatch"/> (monotonic), so a fake's scripted token
/// times hold to the timer's resolution (about 1 ms on Linux) without drift over a long answer.
/// </summary>
public sealed class FakeStreamPacer
{
    private readonly long _start;

    /// <summary>A pacer whose offsets count from now.</summary>
    public FakeStreamPacer()
        : this(Stopwatch.GetTimestamp())
    {
    }

    /// <summary>A pacer whose offsets count from <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public FakeStreamPacer(long startTimestamp) => _start = startTimestamp;

    /// <summary>
    /// A pacer whose offsets count from <paramref name="arrivedUtc"/>, a wall-clock instant a moment ago (e.g. when the HTTP
    /// server had read the whole request), mapped onto the monotonic clock; from now if it lies in the future.
    /// </summary>
    public static FakeStreamPacer Since(DateTime arrivedUtc)
    {
        var ago = Math.Max(0, (DateTime.UtcNow - arrivedUtc).TotalSeconds);
        return new FakeStreamPacer(Stopwatch.GetTimestamp() - (long)(ago * Stopwatch.Frequency));
    }

    /// <summary>Seconds since this pacer was made.</summary>
    public double ElapsedS => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    /// <summary>Returns once <paramref name="offsetS"/> seconds have passed since the pacer was made (at once if they have).</summary>
    public async Task UntilAsync(double offsetS, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = offsetS - ElapsedS;
            if (remaining <= 0)
                return;
            // Task.Delay rounds to whole milliseconds and may wake late; the last fraction of a millisecond is spun away.
            if (remaining > 0.002)
                await Task.Delay(TimeSpan.FromSeconds(remaining - 0.001), cancellationToken).ConfigureAwait(false);
            else
                await Task.Yield();
        }
    }

    /// <summary>
    /// Blocks the calling thread until <paramref name="offsetS"/> seconds have passed since the pacer was made (at once if
    /// they have), or until <paramref name="cancellationToken"/> is cancelled (then returns false). For a writer that must
    /// hand over each line synchronously (WireMock's streamed body reads its lines through a blocking call).
    /// </summary>
    public bool Until(double offsetS, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = offsetS - ElapsedS;
            if (remaining <= 0)
                return true;
            // A sleep wakes up to a millisecond late; the last fraction of a millisecond is spun away.
            if (remaining > 0.002)
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(remaining - 0.001));
            else
                Thread.SpinWait(50);
        }

        return false;
    }
}

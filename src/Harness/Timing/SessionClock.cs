namespace SlmEnergyBench.Harness.Timing;

/// <summary>
/// The one monotonic timeline of a run. Meter samples, request windows and idle periods are all
/// expressed in seconds since <see cref="Origin"/>, read from <see cref="TimeProvider.GetTimestamp"/>,
/// so they can be compared with each other without wall-clock jumps.
/// </summary>
public sealed class SessionClock
{
    private readonly TimeProvider _time;

    public SessionClock(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Origin = _time.GetTimestamp();
        OriginUtc = _time.GetUtcNow();
    }

    /// <summary>Raw monotonic timestamp at which the timeline starts.</summary>
    public long Origin { get; }

    /// <summary>Wall-clock time at the origin, for the manifest only.</summary>
    public DateTimeOffset OriginUtc { get; }

    /// <summary>Seconds elapsed on the timeline.</summary>
    public double Now => _time.GetElapsedTime(Origin).TotalSeconds;

    /// <summary>Converts a raw timestamp of the same provider to seconds on the timeline.</summary>
    public double ToSeconds(long timestamp) => _time.GetElapsedTime(Origin, timestamp).TotalSeconds;

    public TimeProvider TimeProvider => _time;

    /// <summary>
    /// Waits until at least <paramref name="seconds"/> have passed on this clock (timers may fire a few
    /// milliseconds early; a protocol's idle window or pause must not be shorter than configured).
    /// </summary>
    public async Task DelayAsync(double seconds, CancellationToken cancellationToken)
    {
        var until = Now + seconds;
        for (var wait = seconds; wait > 0; wait = until - Now)
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(wait, 0.001)), _time, cancellationToken).ConfigureAwait(false);
    }
}

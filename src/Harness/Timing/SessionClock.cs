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

    /// <summary>Raw monotonic timestamp at which this process's part of the timeline starts.</summary>
    public long Origin { get; }

    /// <summary>Wall-clock time at the timeline's zero, for the manifest only (the run's first start when resumed).</summary>
    public DateTimeOffset OriginUtc { get; private set; }

    /// <summary>Seconds the timeline had run before <see cref="Origin"/>: 0, or for a resumed run the wall-clock seconds since its first start.</summary>
    public double OffsetS { get; private set; }

    /// <summary>Seconds elapsed on the timeline.</summary>
    public double Now => OffsetS + _time.GetElapsedTime(Origin).TotalSeconds;

    /// <summary>Converts a raw timestamp of the same provider to seconds on the timeline.</summary>
    public double ToSeconds(long timestamp) => OffsetS + _time.GetElapsedTime(Origin, timestamp).TotalSeconds;

    /// <summary>
    /// Puts this clock on the timeline of a run that started at <paramref name="runStartedUtc"/> (a resumed run): from now
    /// on <see cref="Now"/> counts seconds since that start (wall clock across the gap, monotonic from here on), so the new
    /// segment's samples and windows follow the earlier segments' on one axis. Call before anything is timed.
    /// </summary>
    public void ContinueRun(DateTimeOffset runStartedUtc)
    {
        OffsetS = Math.Max(0, (OriginUtc - runStartedUtc).TotalSeconds);
        OriginUtc = runStartedUtc;
    }

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

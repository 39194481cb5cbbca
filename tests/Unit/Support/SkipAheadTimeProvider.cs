using Microsoft.Extensions.Time.Testing;

namespace SlmEnergyBench.Unit.Support;

/// <summary>
/// Virtual time for tests of code that waits: a <see cref="FakeTimeProvider"/> on which every one-shot timer due
/// within <see cref="Horizon"/> moves time forward to its due time as it is created. A wait on it (the fake GPT4All
/// server's generation, a pause, a meter's wait for the sample that covers a window) takes no real time and exactly
/// its own length of virtual time, however loaded the machine, so durations measured on it are exact.
/// </summary>
/// <remarks>
/// Timers due later than the horizon (a client's request or probe timeout) and periodic timers are left alone: they
/// fire only when the waits before them have moved time past them. Waits made one after the other add up as on a
/// real clock; waits made at the same time would add up too, so use it only where the code under test waits for one
/// thing at a time. Task.Delay counts in whole milliseconds: a wait of 0.3567 s moves time by 0.356 s.
/// </remarks>
internal sealed class SkipAheadTimeProvider(TimeSpan horizon) : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _gate = new();

    /// <summary>Timers due within this are skipped to at once; longer ones wait.</summary>
    public TimeSpan Horizon { get; } = horizon;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero && dueTime <= Horizon)
                Advance(dueTime);
            return timer;
        }
    }
}

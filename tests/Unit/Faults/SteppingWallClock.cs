namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// The system's clocks, except that the wall clock (<see cref="GetUtcNow"/>) can be stepped, as NTP or a user
/// setting the time does; the monotonic timestamp and the timers are the system's, untouched.
/// </summary>
internal sealed class SteppingWallClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Moves the wall clock by <paramref name="step"/> (negative: back).</summary>
    public void Step(TimeSpan step) => Interlocked.Add(ref _offsetTicks, step.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

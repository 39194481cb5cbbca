using SlmEnergyBench.Harness.Fakes;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering.Edges;

/// <summary>
/// The fake GPT4All server's clock in the stand-in machine's tests: the system clock, which also notes, on the session
/// clock, when the server starts and ends each generation. The server's only timers are its generation waits (it writes
/// its busy file, waits the generation's length, clears the file), so a timer's creation is the moment the model starts
/// drawing the power the busy file then holds, and the timer's firing the moment it stops. <see cref="BusyFollowingMeter"/>
/// builds its true power from these moments, not from when its polling thread happens to look, which a loaded machine
/// delays by tens of milliseconds: at the end edge that lag would put busy power after the window, where the edge rule
/// rightly assumes idle.
/// </summary>
internal sealed class GenerationClock(SessionClock clock, string busyFile) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<PowerChange> _changes = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Note(new PowerChange(clock.Now, ReadBusyWatts()));
        return base.CreateTimer(s =>
        {
            Note(new PowerChange(clock.Now, null));
            callback(s);
        }, state, dueTime, period);
    }

    /// <summary>The change at <paramref name="index"/> (in the order they happened) if it happened by <paramref name="untilS"/>.</summary>
    public bool TryGet(int index, double untilS, out PowerChange change)
    {
        lock (_gate)
        {
            change = index < _changes.Count ? _changes[index] : default;
            return index < _changes.Count && change.AtS <= untilS;
        }
    }

    private void Note(PowerChange change)
    {
        lock (_gate)
            _changes.Add(change);
    }

    /// <summary>The busy file's "cpu_mW gpu_mW", in watts; the server has just written it.</summary>
    private (double Cpu, double Gpu) ReadBusyWatts()
    {
        var (cpuMw, gpuMw) = BusyFile.Read(busyFile) ?? throw new InvalidOperationException($"The busy file {busyFile} is absent, though the server has just written it.");
        return (cpuMw / 1000, gpuMw / 1000);
    }
}

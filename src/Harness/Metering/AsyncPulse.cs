using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>Wakes every waiter when something changed (a sample arrived, the process exited). Thread-safe.</summary>
internal sealed class AsyncPulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>; take it BEFORE checking the condition you wait for.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until <paramref name="done"/> holds (checked at every pulse) or the deadline on the session clock passes.</summary>
    public async Task WaitUntilAsync(Func<bool> done, double deadlineS, SessionClock clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = Next;
            if (done())
                return;
            var remaining = deadlineS - clock.Now;
            if (remaining <= 0)
                return;
            try
            {
                await next.WaitAsync(TimeSpan.FromSeconds(remaining), clock.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }
}

namespace SlmEnergyBench.Harness.Scheduling;

/// <summary>
/// Runs a point's requests against one backend with a fixed number in flight: a closed loop of <c>inFlight</c> slots, each sending
/// the next waiting item as soon as its previous request ends, until none is left (the load generator of vLLM's and GenAI-Perf's
/// concurrency mode). One slot is one request at a time, in order.
/// </summary>
public static class RequestScheduler
{
    /// <summary>
    /// Sends every item of <paramref name="items"/> through <paramref name="send"/> (given the item and its slot, 0-based), with at most
    /// <paramref name="inFlight"/> at once; returns each result with its slot, in the order of <paramref name="items"/>. Items are taken
    /// in order, so with one slot this is a plain loop. <paramref name="send"/> should turn a failed request into a result; an exception
    /// it throws (cancellation included) stops the other slots after their current request and is rethrown.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inFlight"/> is below 1.</exception>
    public static async Task<IReadOnlyList<Scheduled<TResult>>> RunAsync<TItem, TResult>(IReadOnlyList<TItem> items, int inFlight,
        Func<TItem, int, CancellationToken, Task<TResult>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        var results = new Scheduled<TResult>[items.Count];
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task SlotAsync(int slot)
        {
            int index;
            while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < items.Count)
            {
                try
                {
                    results[index] = new Scheduled<TResult>(index, slot, await send(items[index], slot, stop.Token).ConfigureAwait(false));
                }
                catch
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }

        var slots = Enumerable.Range(0, Math.Min(inFlight, Math.Max(1, items.Count))).Select(SlotAsync).ToList();
        await Task.WhenAll(slots).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }
}

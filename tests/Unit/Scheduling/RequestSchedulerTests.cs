using SlmEnergyBench.Harness.Scheduling;

namespace SlmEnergyBench.Unit.Scheduling;

public sealed class RequestSchedulerTests
{
    [Fact]
    public async Task RunAsync_ThreeSlots_NeverMoreThanThreeInFlightAndAllInItemOrder()
    {
        var inFlight = 0;
        var most = 0;
        var items = Enumerable.Range(0, 10).ToList();

        var results = await RequestScheduler.RunAsync(items, 3, async (item, slot, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(20 + (item % 3 * 10), ct);
            Interlocked.Decrement(ref inFlight);
            return item * 10;
        }, TestContext.Current.CancellationToken);

        most.Should().Be(3);
        results.Select(r => r.Result).Should().Equal(items.Select(i => i * 10));
        results.Select(r => r.Slot).Distinct().Should().BeEquivalentTo([0, 1, 2]);
    }

    [Fact]
    public async Task RunAsync_OneSlot_SendsInOrderOneAfterAnother()
    {
        var order = new List<int>();

        await RequestScheduler.RunAsync([3, 1, 2], 1, async (item, slot, ct) =>
        {
            order.Add(item);
            await Task.Yield();
            return slot;
        }, TestContext.Current.CancellationToken);

        order.Should().Equal(3, 1, 2);
    }

    [Fact]
    public async Task RunAsync_SendThrows_StopsTheOtherSlotsAndRethrows()
    {
        var sent = 0;

        var act = () => RequestScheduler.RunAsync(Enumerable.Range(0, 100).ToList(), 2, async (item, slot, ct) =>
        {
            Interlocked.Increment(ref sent);
            await Task.Delay(5, ct);
            return item == 3 ? throw new InvalidOperationException("boom") : item;
        }, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<Exception>();
        sent.Should().BeLessThan(10, "the slots stop taking items once one request threw");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

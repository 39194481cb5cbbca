namespace SlmEnergyBench.Unit;

public sealed class SmokeTests
{
    [Fact]
    public void SessionClock_Now_IsMonotonic()
    {
        var clock = new Harness.Timing.SessionClock();
        var a = clock.Now;
        var b = clock.Now;
        Assert.True(b >= a);
    }
}

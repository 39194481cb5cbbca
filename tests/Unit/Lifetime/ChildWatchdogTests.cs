using System.Diagnostics;
using SlmEnergyBench.Harness.Lifetime;

namespace SlmEnergyBench.Unit.Lifetime;

/// <summary>The meter's process never outlives the process that started it: its watchdog follows that parent, SIGKILL included.</summary>
public sealed class ChildWatchdogTests
{
    [Fact]
    public async Task Guard_ParentKilledWithSigkill_StopsTheChildWithinSeconds()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX only");
        var ct = TestContext.Current.CancellationToken;
        // Arrange: a stand-in parent and a long child (as a meter would be); the watchdog follows the stand-in.
        using var parent = Process.Start("sleep", ["120"])!;
        using var child = Process.Start("sleep", ["120"])!;
        using var watchdog = ChildWatchdog.Guard(child.Id, parent.Id)!;

        // Act: the parent dies the hard way.
        parent.Kill();
        await parent.WaitForExitAsync(ct);
        var watch = Stopwatch.StartNew();
        var ended = await Task.WhenAny(child.WaitForExitAsync(ct), Task.Delay(TimeSpan.FromSeconds(20), ct));
        watch.Stop();

        // Assert: the child is stopped (1 s polling, then SIGTERM), and the watchdog ends by itself.
        child.HasExited.Should().BeTrue($"the child must not outlive its parent (waited {watch.Elapsed.TotalSeconds:0.0} s)");
        await watchdog.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
        watchdog.HasExited.Should().BeTrue();
    }

    [Fact]
    public async Task Guard_ChildEndsFirst_TheWatchdogEndsWithoutTouchingTheParent()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX only");
        var ct = TestContext.Current.CancellationToken;
        using var parent = Process.Start("sleep", ["120"])!;
        using var child = Process.Start("sleep", ["0.2"])!;
        using var watchdog = ChildWatchdog.Guard(child.Id, parent.Id)!;

        await child.WaitForExitAsync(ct);
        await watchdog.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

        watchdog.HasExited.Should().BeTrue();
        parent.HasExited.Should().BeFalse();
        parent.Kill();
    }
}

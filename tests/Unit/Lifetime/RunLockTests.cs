using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Lifetime;

public sealed class RunLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TryTake_WhileAnotherRunHoldsIt_RefusesNamingThatRunAndWhatToDo()
    {
        var path = _dir.File("machine.lock");
        using var first = RunLock.TryTake(path, "a new run of profile 'fake'", out var none);
        first!.Name("20261130-120000-fake");

        var second = RunLock.TryTake(path, "a new run of profile 'fake'", out var refusal);

        none.Should().BeNull();
        second.Should().BeNull();
        refusal.Should().StartWith("Another SlmEnergyBench run is measuring on this machine (run 20261130-120000-fake, process " + Environment.ProcessId + ", started ")
            .And.Contain("two runs at once would measure each other's work").And.Contain("Wait for it to end or stop it");
        RunLock.IsHeldFor(path, "20261130-120000-fake").Should().BeTrue();
        RunLock.IsHeldFor(path, "another-run").Should().BeFalse();
    }

    [Fact]
    public void TryTake_AfterTheHolderReleasedIt_Succeeds()
    {
        var path = _dir.File("machine.lock");
        RunLock.TryTake(path, "run-a", out _)!.Dispose();

        using var again = RunLock.TryTake(path, "run-b", out var refusal);

        again.Should().NotBeNull();
        refusal.Should().BeNull();
        RunLock.IsHeldFor(path, "run-a").Should().BeFalse("the first holder released it");
    }

    [Fact]
    public async Task TryTake_HolderProcessKilled_TheOsReleasesTheLock()
    {
        // Arrange: another process (flock(1) of util-linux, -o: the lock is not handed to its command) holds an exclusive lock, then is killed.
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/flock"), "needs Linux's flock(1)");
        var path = _dir.File("machine.lock");
        File.WriteAllText(path, "");
        using var holder = System.Diagnostics.Process.Start("/usr/bin/flock", ["-x", "-o", path, "sleep", "60"])!;
        await WaitUntilAsync(() => RunLock.TryTake(path, "probe", out _) is not { } l ? true : Release(l));
        RunLock.TryTake(path, "mine", out var refused).Should().BeNull();
        refused.Should().StartWith("Another SlmEnergyBench run");

        // Act
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        using var mine = RunLock.TryTake(path, "mine", out _);
        mine.Should().NotBeNull("a killed holder's lock is released by the OS");
    }

    [Fact]
    public void TryTake_LockFolderIsAFile_RefusesSayingWhichSettingToFix()
    {
        var file = _dir.File("not-a-folder");
        File.WriteAllText(file, "x");

        var taken = RunLock.TryTake(Path.Combine(file, "machine.lock"), "run", out var refusal);

        taken.Should().BeNull();
        refusal.Should().StartWith($"The machine lock {Path.Combine(file, "machine.lock")} (one run at a time on this machine) cannot be created (")
            .And.EndWith("set Results:MachineLock to a file in a folder you can write, or leave it empty for the default in the temporary folder.");
    }

    private static bool Release(RunLock l)
    {
        l.Dispose();
        return false;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
    }
}

using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Faults;

/// <summary>
/// The powermetrics meter when its command is missing, not executable, not powermetrics at all, or stalls while
/// running (README, "When something goes wrong"): one message that says what happened and what to do.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class MeterFaultTests : IDisposable
{
    /// <summary>A test double that prints text lines and never a plist (a Meter:Command that is not powermetrics).</summary>
    private const string NotPowermetrics = "tests/Unit/Faults/not-powermetrics";

    private readonly FakePowermetrics _fake = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task StartAsync_CommandMissing_SaysWhichPathAndWhatToSet()
    {
        // Arrange: profile fake's stand-in deleted (here: a path where it is not).
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: "fixtures/fake-powermetrics/gone"));

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            $"powermetrics command not found: {Path.Combine(TestRepository.Root, "fixtures/fake-powermetrics/gone")} (Meter:Command = 'fixtures/fake-powermetrics/gone'). " +
            "Set Meter:Command to the powermetrics executable (/usr/bin/powermetrics on macOS; profile fake's stand-in is " +
            "fixtures/fake-powermetrics/powermetrics: restore it with git checkout if it was deleted).");
    }

    [Fact]
    public async Task StartAsync_CommandNotExecutable_SaysHowToMakeItExecutable()
    {
        // Arrange: a copy of the fake without its execute bits.
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows has no execute bit");
        var copy = Path.Combine(_fake.Folder, "powermetrics");
        File.Copy(Path.Combine(TestRepository.Root, FakePowermetrics.Command), copy);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: copy));

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            $"powermetrics command is not executable: {copy} (Meter:Command = '{copy}'): make it executable with chmod +x {copy}.");
    }

    [Fact]
    public async Task StartAsync_CommandPrintsTextNotPlist_ShowsWhatItPrintedAndWhatToCheck()
    {
        // Arrange
        var options = FakePowermetrics.Options(command: NotPowermetrics);
        options.StartTimeoutSeconds = 0.5;
        await using var meter = _fake.Meter(options);
        var path = Path.Combine(TestRepository.Root, NotPowermetrics);

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Match(
            $"no powermetrics sample within 0.5 s (StartTimeoutSeconds) of starting `{path} --samplers cpu_power,gpu_power -i 50 -f plist` (interval 50 ms); " +
            $"stderr: (empty). Its output began 'CPU Power: 600 mW | CPU Power: 601 mW*', which is no powermetrics plist (-f plist): check that Meter:Command ({path}) is powermetrics.");
    }

    [Fact]
    public async Task CheckAsync_CommandPrintsTextNotPlist_UnavailableShowingWhatItPrinted()
    {
        // Arrange
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: NotPowermetrics));
        var path = Path.Combine(TestRepository.Root, NotPowermetrics);

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"`{path} -n 1 --samplers cpu_power,gpu_power -i 50 -f plist` exited with code 0 but wrote no plist sample; stderr: ''. " +
            $"Its output began 'CPU Power: 600 mW', which is no powermetrics plist (-f plist): check that Meter:Command ({path}) is powermetrics.");
    }

    [Fact]
    public async Task MeasureAsync_MeterStallsThenResumes_FailsTheStalledWindowOnlySayingWhatToCheck()
    {
        // Arrange: the fake keeps running but writes nothing while the stall file exists.
        var stall = Path.Combine(_fake.Folder, "stall");
        _fake.Environment["FAKE_POWERMETRICS_STALL_FILE"] = stall;
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        await File.WriteAllTextAsync(stall, "", _ct);
        await FaultSession.WaitUntilQuietAsync(meter, _ct);
        var t0 = _fake.Clock.Now;

        // Act
        var stalled = () => meter.MeasureAsync(t0, t0 + 0.2, _ct);
        var message = (await stalled.Should().ThrowAsync<MeterException>()).Which.Message;
        var before = meter.Samples.Count;
        File.Delete(stall);
        await FaultSession.WaitForSamplesAsync(meter, before, _ct);
        var t1 = _fake.Clock.Now;
        var after = await meter.MeasureAsync(t1, t1 + 0.2, _ct);

        // Assert: waited out the window, three intervals and 1 s more, then said what happened; the next window is whole.
        message.Should().Match(
            "powermetrics covered 0.0% of window [*] s (0 samples); at least 98% (MinCoverage) is needed: powermetrics is still running but sent no sample for * s: " +
            "none covering the window's end arrived within * s (last sample ends at * s). This case is not measured; later cases are measured once samples come again. " +
            $"If every case fails so, powermetrics hangs: stop the run and check that `{Path.Combine(TestRepository.Root, FakePowermetrics.Command)} -n 1 --samplers cpu_power,gpu_power -i 50 -f plist` prints a sample.");
        after.Coverage.Should().BeApproximately(1, 1e-9);
        after.Domains[Domains.Cpu].AveragePowerW.Should().BeApproximately(0.6, 0.02, "the fake's idle CPU power, 600 mW");
    }

    [Fact]
    public async Task MeasureAsync_SamplesWithImplausibleEnergy_FailTheWindowSayingWhatToCheck()
    {
        // Arrange: 10 000 J of CPU energy every 0.1 s, i.e. 100 kW: no laptop draws that.
        _fake.Replay(_fake.WriteDocument("absurd.plist", PlistDocuments.Simple(100_000_000, cpuMj: 10_000_000, gpuMj: 0)));
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        var t0 = _fake.Clock.Now;

        // Act
        var act = () => meter.MeasureAsync(t0, t0 + 0.3, _ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Match(
            "powermetrics reports 100000 W on average over [*] s, above the plausible 1500 W (MaxPlausiblePowerW): the samples are not trustworthy. " +
            "This case is not measured. If this machine really draws that much, raise Meter:MaxPlausiblePowerW.");
    }
}

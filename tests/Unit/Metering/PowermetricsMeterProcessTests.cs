using System.Diagnostics;
using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>The real meter against fixtures/fake-powermetrics (bash), streaming at 50 ms.</summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class PowermetricsMeterProcessTests : IDisposable
{
    private readonly FakePowermetrics _fake = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task StartAsync_FakeCommand_ReturnsOnceFirstSampleArrived()
    {
        // Arrange
        await using var meter = _fake.Meter();

        // Act
        await meter.StartAsync(_ct);

        // Assert
        meter.Samples.Should().NotBeEmpty();
        // A sample's end is placed from the chain's start plus its elapsed_ns (SampleChainPlacer), which may lie a few ms past its
        // arrival on a busy machine (2.5 ms seen); a sample from the future beyond one 10 ms step would be a placement fault.
        meter.Samples[0].EndS.Should().BeLessThanOrEqualTo(_fake.Clock.Now + 0.010);
    }

    [Fact]
    public async Task Samples_FakeCommand_HaveRealElapsedAndLoggedEnergies()
    {
        // Arrange
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        await WaitForSamplesAsync(meter, 6);

        // Act
        var samples = meter.Samples;
        var logged = File.ReadAllLines(_fake.LogFile).Select(l => l.Split(' ')).ToList();

        // Assert: real elapsed is at least the interval, never exactly nominal for all. Above it, a loaded machine may
        // oversleep the fake's 5 ms naps by hundreds of ms: 1 s still catches a sample that runs on for many intervals.
        samples.Should().HaveCountGreaterThanOrEqualTo(6);
        samples.Should().OnlyContain(s => s.DurationS >= 0.05 && s.DurationS < 1.0);
        samples.Should().Contain(s => s.DurationS > 0.05);
        for (var i = 0; i < samples.Count; i++)
        {
            samples[i].DurationS.Should().BeApproximately(long.Parse(logged[i][1], CultureInfo.InvariantCulture) / 1e9, 1e-9);
            samples[i].EnergyJ[Domains.Cpu].Should().Be(int.Parse(logged[i][2], CultureInfo.InvariantCulture) / 1000.0);
            samples[i].EnergyJ[Domains.Gpu].Should().Be(int.Parse(logged[i][3], CultureInfo.InvariantCulture) / 1000.0, "the processor dict's gpu_energy, not the gpu dict's");
            if (i > 0)
                samples[i].StartS.Should().Be(samples[i - 1].EndS, "samples form one contiguous chain");
        }
    }

    [Fact]
    public async Task MeasureAsync_WhileBusyFilePresent_EnergyIsPowerTimesDuration()
    {
        // Arrange
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        await File.WriteAllTextAsync(_fake.BusyFile, "2000 3000", _ct);
        var t0 = await EndOfFirstBusySampleAsync(meter);
        await Task.Delay(400, _ct);
        var t1 = _fake.Clock.Now;

        // Act
        var w = await meter.MeasureAsync(t0, t1, _ct);
        File.Delete(_fake.BusyFile);

        // Assert. Tolerance 2%: the window starts after the first sample that saw the busy file, so every sample it
        // overlaps is busy throughout, wherever the samples are placed and however late the fake's naps end under
        // load; what remains is whole-mJ rounding of the two edge samples (about 2 mJ of 800 mJ, 0.25%) and the
        // clocks (bash's EPOCHREALTIME vs the monotonic session clock, ppm apart).
        var seconds = t1 - t0;
        w.Domains[Domains.Cpu].Joules.Should().BeApproximately(2.0 * seconds, 0.02 * 2.0 * seconds);
        w.Domains[Domains.Gpu].Joules.Should().BeApproximately(3.0 * seconds, 0.02 * 3.0 * seconds);
        w.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(5.0, 0.1);
        w.Domains[Domains.Cpu].PeakPowerW.Should().BeApproximately(2.0, 0.04);
        w.Coverage.Should().BeApproximately(1, 1e-9);
    }

    [Fact]
    public async Task MeasureAsync_IdleWindow_UsesIdlePowerFromEnvironment()
    {
        // Arrange
        _fake.Environment["FAKE_POWERMETRICS_IDLE_CPU_MW"] = "800";
        _fake.Environment["FAKE_POWERMETRICS_IDLE_GPU_MW"] = "100";
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        var t0 = _fake.Clock.Now;

        // Act
        var w = await meter.MeasureAsync(t0, t0 + 0.3, _ct);

        // Assert (tolerance: whole-mJ rounding of edge samples, 2 x 1 mJ over 240 mJ and 30 mJ).
        w.Domains[Domains.Cpu].AveragePowerW.Should().BeApproximately(0.8, 0.02);
        w.Domains[Domains.Gpu].AveragePowerW.Should().BeApproximately(0.1, 0.01);
        w.Domains[Domains.Ane].Joules.Should().Be(0);
    }

    [Fact]
    public async Task MeasureAsync_AfterProcessDied_ThrowsWithExitCodeAndStderr()
    {
        // Arrange
        _fake.Environment["FAKE_POWERMETRICS_EXIT_AFTER"] = "3";
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        var t0 = _fake.Clock.Now;

        // Act
        var act = () => meter.MeasureAsync(t0, t0 + 0.5, _ct);

        // Assert
        var e = await act.Should().ThrowAsync<MeterException>();
        e.WithMessage("*exited with code 3*FAKE_POWERMETRICS_EXIT_AFTER=3*");
        meter.Samples.Should().HaveCount(3);
    }

    [Fact]
    public async Task MeasureAsync_WindowOverCorruptDocument_ThrowsNamingTheGap()
    {
        // Arrange: the 4th document is truncated; windows around it miss about one sample.
        _fake.Environment["FAKE_POWERMETRICS_CORRUPT_AT"] = "4";
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        await WaitForSamplesAsync(meter, 6);

        // Act
        var act = () => meter.MeasureAsync(meter.Samples[0].StartS, meter.Samples[^1].EndS, _ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).WithMessage(
            "powermetrics covered *% of window [*] s (* samples); at least 98% (MinCoverage) is needed: gap from * s to * s after a corrupt plist document (*). " +
            "This case is not measured; the samples after the gap are placed again, so later cases are measured.");
    }

    [Fact]
    public async Task MeasureAsync_WindowAfterCorruptDocument_IsCoveredAgain()
    {
        // Arrange
        _fake.Environment["FAKE_POWERMETRICS_CORRUPT_AT"] = "2";
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        await WaitForSamplesAsync(meter, 2);
        var t0 = _fake.Clock.Now;

        // Act
        var w = await meter.MeasureAsync(t0, t0 + 0.2, _ct);

        // Assert
        w.Coverage.Should().BeApproximately(1, 1e-9);
        w.Domains[Domains.Cpu].AveragePowerW.Should().BeApproximately(0.6, 0.02);
    }

    [Fact]
    public async Task StartAsync_ProcessExitsBeforeFirstSample_ThrowsWithExitCodeAndStderr()
    {
        // Arrange
        _fake.Environment["FAKE_POWERMETRICS_EXIT_AFTER"] = "0";
        await using var meter = _fake.Meter();

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>())
            .WithMessage("*exited with code 3 before its first sample*exiting after 0 samples*");
    }

    [Fact]
    public async Task StartAsync_SudoWouldPrompt_ThrowsWithSudoersRule()
    {
        // Arrange
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: FakePowermetrics.PasswordRequired));

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>())
            .WithMessage("*code 1*password is required*ALL = (root) NOPASSWD: *sudo -n * -n 1 -i 100 --samplers cpu_power*");
    }

    [Fact]
    public async Task StartAsync_PowermetricsNotRoot_ThrowsWithTheSudoPrefixAndTheSudoersRule()
    {
        // Arrange
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: FakePowermetrics.NotRoot));

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>())
            .WithMessage("*exited with code 1 before its first sample*must be invoked as the superuser*Meter:SudoPrefix = 'sudo -n'*ALL = (root) NOPASSWD: *");
    }

    [Fact]
    public async Task StartAsync_NoSampleWithinTimeout_ThrowsAndStopsTheProcess()
    {
        // Arrange: 60 s interval, 0.3 s patience.
        var options = FakePowermetrics.Options(intervalMs: 60000);
        options.StartTimeoutSeconds = 0.3;
        await using var meter = _fake.Meter(options);
        var started = _fake.Clock.Now;

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).WithMessage(
            "no powermetrics sample within 0.3 s (StartTimeoutSeconds) of starting `* -i 60000 -f plist` (interval 60000 ms); stderr: (empty). " +
            "It wrote nothing on stdout: if it is merely slow to start, raise Meter:StartTimeoutSeconds; otherwise run that command by hand to see why.");
        // Waiting for the first sample would take 60 s. The bound between leaves a loaded machine seconds to start bash,
        // give up at 0.3 s and stop it (SIGTERM, or a kill after a 2 s grace).
        (_fake.Clock.Now - started).Should().BeLessThan(30, "it gives up at the start timeout, not at the first sample");
    }

    [Fact]
    public async Task DisposeAsync_RunningMeter_StopsTheProcess()
    {
        // Arrange
        var meter = _fake.Meter();
        await meter.StartAsync(_ct);

        // Act
        await meter.DisposeAsync();
        var linesAfterDispose = File.ReadAllLines(_fake.LogFile).Length;
        await Task.Delay(200, _ct);

        // Assert: no more samples were written after the dispose.
        File.ReadAllLines(_fake.LogFile).Should().HaveCount(linesAfterDispose);
    }

    [Fact]
    public async Task Provenance_BeforeTheFirstSample_NamesOnlyTheTotal()
    {
        // Arrange
        await using var meter = _fake.Meter();

        // Act
        var provenance = meter.Provenance;

        // Assert: the domains are those the samples really carry, unknown before the first one.
        provenance.Domains.Should().Equal(Domains.Total);
        provenance.Source.Should().Contain("no sample read yet");
    }

    [Fact]
    public async Task Provenance_ShippedFakeCommand_IsSimulatedNeverMeasured()
    {
        // Arrange
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);

        // Act
        var provenance = meter.Provenance;

        // Assert
        provenance.Method.Should().Be(EnergyMethod.Simulated);
        provenance.Notes.Should().StartWith($"SIMULATED: {Path.Combine(TestRepository.Root, FakePowermetrics.Command)} is a stand-in that the suite ships");
    }

    [Fact]
    public async Task Provenance_CommandOutsideTheRepositoryFixtures_IsMeasuredAndNamesKeysAndAppleCaveat()
    {
        // Arrange: the same script, but where a user's own powermetrics would be (not a stand-in the suite ships).
        var copy = Path.Combine(_fake.Folder, "powermetrics");
        File.Copy(Path.Combine(TestRepository.Root, FakePowermetrics.Command), copy);
        await using var meter = _fake.Meter(FakePowermetrics.Options(command: copy));
        await meter.StartAsync(_ct);

        // Act
        var provenance = meter.Provenance;

        // Assert
        provenance.Meter.Should().Be("powermetrics");
        provenance.Method.Should().Be(EnergyMethod.Measured);
        provenance.Notes.Should().NotContain("SIMULATED");
        provenance.Domains.Should().Equal(Domains.Cpu, Domains.Gpu, Domains.Ane, Domains.Total);
        provenance.Source.Should().Contain("processor.cpu_energy (mJ per sample)").And.Contain("elapsed_ns").And.Contain("total = cpu + gpu + ane");
        provenance.Notes.Should().Contain("estimates").And.Contain("across devices");
    }

    /// <summary>
    /// Polls until the meter holds <paramref name="count"/> samples. The limit is a hang guard, not a measurement:
    /// at 50 ms they take a fraction of a second, but a loaded machine may start bash late and oversleep its naps.
    /// </summary>
    private async Task WaitForSamplesAsync(PowermetricsMeter meter, int count)
    {
        var watch = Stopwatch.StartNew();
        while (meter.Samples.Count < count)
        {
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"{count} samples should arrive within 60 s");
            await Task.Delay(10, _ct);
        }
    }

    /// <summary>
    /// Waits for the first sample whose CPU power is above the fake's idle 600 mW, and returns its end on the session
    /// clock. The fake reads the busy file at each sub-step's start, so that sample may be busy for only part of its
    /// length, but every later one is busy throughout while the file stays. Placement only ever moves samples earlier,
    /// so this end stays at or after the boundary to those fully busy samples.
    /// </summary>
    private async Task<double> EndOfFirstBusySampleAsync(PowermetricsMeter meter)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var busy = meter.Samples.FirstOrDefault(s => s.EnergyJ[Domains.Cpu] / s.DurationS > 0.7);
            if (busy is not null)
                return busy.EndS;
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "a sample should see the busy file within 60 s");
            await Task.Delay(10, _ct);
        }
    }
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

public sealed partial class RaplMeterTests
{
    [Fact]
    public async Task CheckAsync_MissingTree_IsUnavailableSayingSo()
    {
        // Arrange
        var options = new MeterOptions { RaplRoot = Path.Combine(_tree.Root, "absent") };
        await using var meter = new RaplMeter(options, _clock);

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"no RAPL here: {options.RaplRoot} does not exist (no powercap driver; virtual machines and containers usually have none). Use Meter:Kind = estimate, or point Meter:RaplRoot at the powercap tree.");
    }

    [Fact]
    public async Task CheckAsync_TreeWithoutRaplZones_IsUnavailable()
    {
        // Arrange
        Directory.CreateDirectory(Path.Combine(_tree.Root, "dtpm"));
        await using var meter = NewMeter();

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith($"no RAPL zones under {_tree.Root}");
    }

    [Fact]
    public async Task CheckAsync_EnergyReadableByRootOnly_GivesTheChmodFix()
    {
        // Arrange: tests may run as root, so the denial is simulated at the file-reading seam.
        _tree.Zone("intel-rapl:0", "package-0");
        await using var meter = NewMeter(path => path.EndsWith("energy_uj", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException("Access to the path is denied.")
            : File.ReadAllText(path));

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().StartWith($"RAPL: cannot read {_tree.EnergyFile("intel-rapl:0")}: permission denied; since CVE-2020-8694")
            .And.Contain($"sudo chmod -R a+r {_tree.Root}/intel-rapl ");
    }

    [Fact]
    public async Task CheckAsync_GarbageInEnergyFile_SaysWhichFileHoldsWhat()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0").Raw("intel-rapl:0", "12x4");
        await using var meter = NewMeter();

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Be(
            $"RAPL: {_tree.EnergyFile("intel-rapl:0")} holds '12x4', not a whole number of microjoules as powercap writes; the file is corrupt or Meter:RaplRoot = '{_tree.Root}' is not a powercap tree.");
    }

    [Fact]
    public async Task MeasureAsync_GarbageAppearsWhileSampling_FailsWithTheFileAndStopsSampling()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Raw("intel-rapl:0", "-5"));

        // Act
        var act = () => meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should()
            .StartWith("rapl covered 0.0% of window [0.100, 0.200] s")
            .And.Contain("sampling stopped after the last sample ending at 0.100 s: RAPL: ")
            .And.Contain("holds '-5', not a whole number of microjoules");
    }

    [Fact]
    public async Task StartAsync_UnreadableCounter_ThrowsMeterExceptionWithTheFix()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0");
        await using var meter = NewMeter(path => path.EndsWith("energy_uj", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException("denied")
            : File.ReadAllText(path));

        // Act
        var act = () => meter.StartAsync(Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Contain("sudo chmod -R a+r");
    }

    [Fact]
    public async Task Provenance_AfterStart_IsMeasuredAndNamesTheZoneFiles()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0").Zone("intel-rapl:0:0", "dram");
        await using var meter = NewMeter();

        // Act
        await StartAsync(meter);

        // Assert
        var p = meter.Provenance;
        p.Meter.Should().Be(MeterKinds.Rapl);
        p.Method.Should().Be(EnergyMethod.Measured);
        p.Domains.Should().Equal(Domains.Dram, Domains.Package, Domains.Total);
        p.Source.Should().Contain($"dram = {_tree.EnergyFile("intel-rapl:0:0")} (dram); package = {_tree.EnergyFile("intel-rapl:0")} (package-0); total = package + dram.");
    }

    [Fact]
    public async Task MeasureAsync_WindowBeforeStart_FailsOnCoverage()
    {
        // Arrange
        _time.Advance(TimeSpan.FromSeconds(1));
        _tree.Zone("intel-rapl:0", "package-0");
        await using var meter = NewMeter();
        await StartAsync(meter);

        // Act
        var act = () => meter.MeasureAsync(0.5, 1.1, Ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should().Be(
            "rapl covered 16.7% of window [0.500, 1.100] s (1 samples); at least 98% (MinCoverage) is needed: the window starts before the first sample (1.000 s; the meter started at 1.000 s).");
    }
}

using Microsoft.Extensions.Time.Testing;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>RAPL on fake powercap trees: the meter starts at t = 0, ticks every 100 ms of fake time.</summary>
public sealed partial class RaplMeterTests : IDisposable
{
    private const double Precision = 1e-9;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private readonly SessionClock _clock;
    private readonly FakePowercap _tree = new();

    public RaplMeterTests() => _clock = new SessionClock(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _tree.Dispose();

    /// <param name="readAllText">Replaces file reading (root-only files, scripted counters).</param>
    /// <param name="betweenReads">What happens between the reads that look for mirrored zones (default: nothing, no wait).</param>
    private RaplMeter NewMeter(Func<string, string>? readAllText = null, Action? betweenReads = null) =>
        new(new MeterOptions { Kind = MeterKinds.Rapl, RaplRoot = _tree.Root, IntervalMs = 100 }, _clock, readAllText, (_, _) =>
        {
            betweenReads?.Invoke();
            return Task.CompletedTask;
        });

    /// <summary>Starts the meter with the files as they are; its first sample [0, 0.1] s has zero energy.</summary>
    private async Task StartAsync(RaplMeter meter)
    {
        var starting = meter.StartAsync(Ct);
        _time.Advance(Interval);
        await starting;
    }

    /// <summary>Changes the files, then lets one interval pass (one reading).</summary>
    private void Step(Action change)
    {
        change();
        _time.Advance(Interval);
    }

    [Fact]
    public async Task MeasureAsync_PackageAndDram_GivesExactJoulesPerDomainAndTotal()
    {
        // Arrange
        _tree.Zone("intel-rapl", "control-type-not-a-zone")
            .Zone("intel-rapl:0", "package-0", 5_000_000)
            .Zone("intel-rapl:0:0", "dram", 100);
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:0", 7_000_000).Energy("intel-rapl:0:0", 500_100));
        Step(() => _tree.Energy("intel-rapl:0", 8_000_000).Energy("intel-rapl:0:0", 750_100));

        // Act: [0.1, 0.3] s: package 2 J + 1 J, dram 0.5 J + 0.25 J.
        var w = await meter.MeasureAsync(0.1, 0.3, Ct);

        // Assert
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Package, Domains.Dram, Domains.Total]);
        w.Domains[Domains.Package].Joules.Should().BeApproximately(3, Precision);
        w.Domains[Domains.Dram].Joules.Should().BeApproximately(0.75, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(3.75, Precision);
        w.Domains[Domains.Package].PeakPowerW.Should().BeApproximately(20, Precision);
        w.Coverage.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public async Task MeasureAsync_TwoPackages_SumsThem()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0").Zone("intel-rapl:1", "package-1");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:0", 1_500_000).Energy("intel-rapl:1", 2_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Package].Joules.Should().BeApproximately(3.5, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(3.5, Precision);
    }

    [Fact]
    public async Task MeasureAsync_CounterWrapsAround_AddsMaxEnergyRangeForExactJoules()
    {
        // Arrange: 0.7 J left before the range ends, 0.3 J after it restarts from 0.
        const ulong max = 262_143_328_850;
        _tree.Zone("intel-rapl:0", "package-0", max - 700_000, max);
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:0", 300_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Package].Joules.Should().BeApproximately(1.0, Precision);
        meter.Provenance.Notes.Should().Contain("1 counter wraparound(s) corrected");
    }

    [Fact]
    public async Task MeasureAsync_MmioDuplicateOfPackage_CountsThePackageOnce()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0").Zone("intel-rapl-mmio:0", "package-0");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:0", 2_000_000).Energy("intel-rapl-mmio:0", 2_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Total].Joules.Should().BeApproximately(2, Precision);
        meter.Provenance.Notes.Should().Contain("intel-rapl-mmio:0 (package-0: duplicates the non-mmio zone of the same name, counted once)");
    }

    [Fact]
    public async Task MeasureAsync_OnlyMmioPackage_UsesIt()
    {
        // Arrange
        _tree.Zone("intel-rapl-mmio:0", "package-0");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl-mmio:0", 1_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Total].Joules.Should().BeApproximately(1, Precision);
    }

    [Fact]
    public async Task MeasureAsync_PsysOnly_TotalIsPsys()
    {
        // Arrange
        _tree.Zone("intel-rapl:1", "psys");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:1", 4_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Psys, Domains.Total]);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(4, Precision);
    }

    [Fact]
    public async Task MeasureAsync_PsysBesidePackageAndDram_TotalIsPackagePlusDramOnly()
    {
        // Arrange
        _tree.Zone("intel-rapl:0", "package-0").Zone("intel-rapl:0:1", "dram").Zone("intel-rapl:1", "psys");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("intel-rapl:0", 2_000_000).Energy("intel-rapl:0:1", 500_000).Energy("intel-rapl:1", 9_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Psys].Joules.Should().BeApproximately(9, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(2.5, Precision);
    }

    [Fact]
    public async Task MeasureAsync_CoreAndUncoreInsidePackage_AreInformationalAndNotAddedToTotal()
    {
        // Arrange
        _tree.Zone("amd-rapl:0", "package-0").Zone("amd-rapl:0:0", "core").Zone("amd-rapl:0:1", "uncore");
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => _tree.Energy("amd-rapl:0", 3_000_000).Energy("amd-rapl:0:0", 2_000_000).Energy("amd-rapl:0:1", 500_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Core].Joules.Should().BeApproximately(2, Precision);
        w.Domains[Domains.Uncore].Joules.Should().BeApproximately(0.5, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(3, Precision);
        meter.Provenance.Notes.Should().Contain("core, uncore: informational only");
    }
}

using System.Globalization;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>
/// Zones that show one counter twice: the field input of a one-socket, two-die CPU (first-generation Threadripper)
/// whose <c>package-0-die-0</c> and <c>package-0-die-1</c> zones read identical <c>energy_uj</c> at every read.
/// </summary>
public sealed partial class RaplMeterTests
{
    private const string Die0 = "intel-rapl:0";
    private const string Die1 = "intel-rapl:1";

    /// <summary>The two die zones of the field input, both at <paramref name="startUj"/>.</summary>
    private void TwoDies(ulong startUj) =>
        _tree.Zone(Die0, "package-0-die-0", startUj).Zone(Die1, "package-0-die-1", startUj);

    /// <summary>Adds <paramref name="die0Uj"/> and <paramref name="die1Uj"/> to the dies' counters.</summary>
    private void Add(ulong die0Uj, ulong die1Uj) => _tree.Advance(Die0, die0Uj).Advance(Die1, die1Uj);

    [Fact]
    public async Task MeasureAsync_MirroredDies68W_OneSecondWindowIs68JNot136J()
    {
        // Arrange: one socket counter shown twice; 68 W = 1.36 J per 20 ms between the start's reads, 6.8 J per
        // 100 ms interval; both zones always read the same value.
        TwoDies(1_000_000_000);
        await using var meter = NewMeter(betweenReads: () => Add(1_360_000, 1_360_000));
        await StartAsync(meter);
        for (var i = 0; i < 10; i++)
            Step(() => Add(6_800_000, 6_800_000));

        // Act: [0.1, 1.1] s, ten intervals of 6.8 J.
        var w = await meter.MeasureAsync(0.1, 1.1, Ct);

        // Assert: the field README's right answer, 68 J (the counter counted once), and the provenance says so.
        w.Domains[Domains.Package].Joules.Should().BeApproximately(68, Precision);
        w.Domains[Domains.Total].Joules.Should().BeApproximately(68, Precision);
        w.Domains[Domains.Total].AveragePowerW.Should().BeApproximately(68, Precision);
        var p = meter.Provenance;
        p.Source.Should().Contain($"package = {_tree.EnergyFile(Die0)} (package-0-die-0); total = package.");
        p.Notes.Should().Contain(
            "Not read: intel-rapl:1 (package-0-die-1: its energy_uj equals that of intel-rapl:0 (package-0-die-0) at every read while counting: one counter shown twice, counted once).");
    }

    [Fact]
    public async Task MeasureAsync_DistinctDieCounters_SumsThem()
    {
        // Arrange: two dies with counters of their own, 40 W and 28 W (equal at the start, apart once they move).
        TwoDies(1_000_000_000);
        await using var meter = NewMeter(betweenReads: () => Add(800_000, 560_000));
        await StartAsync(meter);
        for (var i = 0; i < 10; i++)
            Step(() => Add(4_000_000, 2_800_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 1.1, Ct);

        // Assert: 40 J + 28 J.
        w.Domains[Domains.Package].Joules.Should().BeApproximately(68, Precision);
        meter.Provenance.Notes.Should().NotContain("Not read");
    }

    [Fact]
    public async Task MeasureAsync_IdenticalCountersThatDoNotMove_SumsThemAndSaysItCouldNotTell()
    {
        // Arrange: two idle counters at the same value that do not move during the start's reads cannot be told
        // apart from one counter shown twice: both are counted, and the provenance says why.
        TwoDies(5_000_000);
        await using var meter = NewMeter();
        await StartAsync(meter);
        Step(() => Add(1_000_000, 2_000_000));

        // Act
        var w = await meter.MeasureAsync(0.1, 0.2, Ct);

        // Assert
        w.Domains[Domains.Package].Joules.Should().BeApproximately(3, Precision);
        meter.Provenance.Notes.Should().Contain("intel-rapl:0 and intel-rapl:1 read the same value at every read but did not move in 60 ms: taken as two counters, both counted.");
    }

    [Fact]
    public async Task CheckAsync_MirroredDies_NamesTheZoneLeftOut()
    {
        // Arrange
        TwoDies(1_000_000_000);
        await using var meter = NewMeter(betweenReads: () => Add(1_360_000, 1_360_000));

        // Act
        var availability = await meter.CheckAsync(Ct);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Be(
            $"RAPL: 1 readable zone(s) under {_tree.Root} (intel-rapl:0 package-0-die-0); not read: intel-rapl:1 (package-0-die-1: its energy_uj equals that of "
            + "intel-rapl:0 (package-0-die-0) at every read while counting: one counter shown twice, counted once).");
    }

    [Fact]
    public async Task LeaveOutAsync_CounterUpdatesBetweenTheTwoZonesReads_StillFindsTheMirror()
    {
        // Arrange: one counter behind both files that advances by 1 mJ right after the 1st and the 9th read, i.e.
        // between die-0's and die-1's reads in rounds 1 and 3: there die-1 reads 1 mJ more than die-0 did, which a
        // single comparison would take for two counters. Rounds 2 and 4 see it still, at two different values.
        TwoDies(0);
        var counterUj = 7_000_000UL;
        var reads = 0;
        var files = new RaplFiles(_tree.Root, path =>
        {
            if (!path.EndsWith("energy_uj", StringComparison.Ordinal))
                return File.ReadAllText(path);
            var value = counterUj;
            if (++reads is 1 or 9)
                counterUj += 1_000;
            return value.ToString(CultureInfo.InvariantCulture);
        });

        // Act
        var tree = await RaplMirrors.LeaveOutAsync(RaplTree.Discover(files), files, (_, _) => Task.CompletedTask, Ct);

        // Assert
        reads.Should().Be(RaplMirrors.Rounds * 4, "each round reads both zones twice");
        tree.Zones.Select(z => z.Id).Should().Equal(Die0);
        tree.Skipped.Should().ContainSingle().Which.Should().StartWith("intel-rapl:1 (package-0-die-1: its energy_uj equals that of intel-rapl:0");
    }

    [Fact]
    public async Task LeaveOutAsync_OnePackageZone_ReadsNothingAndWaitsForNothing()
    {
        // Arrange
        _tree.Zone(Die0, "package-0").Zone("intel-rapl:0:0", "dram");
        var files = new RaplFiles(_tree.Root, path => path.EndsWith("energy_uj", StringComparison.Ordinal)
            ? throw new InvalidOperationException("no counter needs reading")
            : File.ReadAllText(path));
        var pauses = 0;

        // Act
        var tree = await RaplMirrors.LeaveOutAsync(RaplTree.Discover(files), files, (_, _) => { pauses++; return Task.CompletedTask; }, Ct);

        // Assert
        tree.Zones.Should().HaveCount(2);
        pauses.Should().Be(0);
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>
/// The real meter against powermetrics outputs of other machines, streamed as they are by the fake command
/// (FAKE_POWERMETRICS_REPLAY): an Intel Mac's field sample, and samples that carry no energy it knows.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class PowermetricsMeterVariantsTests : IDisposable
{
    /// <summary>A sample whose processor dict holds only a frequency and a ratio: no energy key the meter knows.</summary>
    private static readonly string NoEnergySample = PlistDocuments.Build(
        "<key>elapsed_ns</key><integer>50000000</integer><key>hw_model</key><string>MacBookPro15,1</string>\n",
        "<key>freq_hz</key><real>2.49872e+09</real><key>cores_active_ratio</key><real>0.5732</real>");

    private readonly FakePowermetrics _fake = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    private PowermetricsMeter IntelMeter()
    {
        _fake.Replay(FieldInputFiles.IntelMacSample);
        return _fake.Meter(); // the field sample is 1.00238 s long: the first arrives after about 1 s, well within the patience
    }

    [Fact]
    public async Task MeasureAsync_IntelMacFieldSamples_OneSecondWindowGetsTheirPackageEnergy()
    {
        // Arrange: a stream of the field sample; a 1.0 s window around the end of the first one (inside the first
        // two samples, so only the second must be waited for).
        await using var meter = IntelMeter();
        await meter.StartAsync(_ct);
        var t0 = _fake.Clock.Now;

        // Act
        var w = await meter.MeasureAsync(t0 - 0.5, t0 + 0.5, _ct);

        // Assert: the field README's right answer, about 8.53 J. Every sample spends 8.55029 J over 1.00238 s
        // (8.529988 W), so a fully covered 1.0 s window gets 8.529988 J wherever the samples are placed: the
        // tolerance only has to hold the README's rounding to 8.53 (1.2e-5 J), not any timing.
        w.Domains.Keys.Should().BeEquivalentTo([Domains.Package, Domains.Total]);
        w.Domains[Domains.Package].Joules.Should().BeApproximately(8.53, 1e-4);
        w.Domains[Domains.Total].Joules.Should().Be(w.Domains[Domains.Package].Joules, "total = package on an Intel Mac");
        w.Coverage.Should().BeApproximately(1, 1e-9);
    }

    [Fact]
    public async Task Provenance_IntelMacFieldSamples_NamesThePackageDomainAndTheKeysRead()
    {
        // Arrange
        await using var meter = IntelMeter();

        // Act
        await meter.StartAsync(_ct);
        var provenance = meter.Provenance;

        // Assert
        provenance.Domains.Should().Equal(Domains.Package, Domains.Total);
        provenance.Source.Should().StartWith("powermetrics -f plist: processor.package_joules (J per sample), placed on the session timeline by elapsed_ns; total = package");
        provenance.Notes.Should().NotContain("millijoules", "no key in mJ was read");
    }

    [Fact]
    public async Task CheckAsync_IntelMacFieldSample_AvailableNamingTheKeyAndTheTotal()
    {
        // Arrange
        await using var meter = IntelMeter();

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeTrue(availability.Reason);
        availability.Reason.Should().Contain("gave a sample with processor.package_joules (J per sample); total = package");
    }

    [Fact]
    public async Task MeasureAsync_PackageWattsOnly_EnergyIsWattsTimesDuration()
    {
        // Arrange: 50 ms samples at 8.53 W with no package_joules.
        _fake.Replay(_fake.WriteDocument("watts.plist", PlistDocuments.Build(
            "<key>elapsed_ns</key><integer>50000000</integer>\n", "<key>package_watts</key><real>8.53</real>")));
        await using var meter = _fake.Meter();
        await meter.StartAsync(_ct);
        var t0 = _fake.Clock.Now;

        // Act
        var w = await meter.MeasureAsync(t0, t0 + 0.3, _ct);

        // Assert: constant power, so 8.53 W x 0.3 s = 2.559 J wherever the samples lie (floating point only).
        w.Domains[Domains.Total].Joules.Should().BeApproximately(2.559, 1e-9);
        meter.Provenance.Source.Should().Contain("processor.package_watts (W) x elapsed_ns");
        meter.Provenance.Notes.Should().Contain("a domain had no energy key and energy = power x elapsed_ns");
    }

    [Fact]
    public async Task CheckAsync_SampleWithoutEnergyKeys_UnavailableNamingTheKeysSeen()
    {
        // Arrange
        _fake.Replay(_fake.WriteDocument("no-energy.plist", NoEnergySample));
        await using var meter = _fake.Meter();

        // Act
        var availability = await meter.CheckAsync(_ct);

        // Assert
        availability.IsAvailable.Should().BeFalse();
        availability.Reason.Should().Contain("carries none of the energy keys this meter reads: its processor dict holds freq_hz, cores_active_ratio.")
            .And.Contain("Meter:Samplers (now 'cpu_power,gpu_power')");
    }

    [Fact]
    public async Task StartAsync_SampleWithoutEnergyKeys_RefusesNamingTheKeysSeenAndStopsTheProcess()
    {
        // Arrange
        _fake.Replay(_fake.WriteDocument("no-energy.plist", NoEnergySample));
        await using var meter = _fake.Meter();
        var started = _fake.Clock.Now;

        // Act
        var act = () => meter.StartAsync(_ct);

        // Assert
        (await act.Should().ThrowAsync<MeterException>()).Which.Message.Should()
            .StartWith("powermetrics' first sample (MacBookPro15,1) from ")
            .And.Contain("carries none of the energy keys this meter reads: its processor dict holds freq_hz, cores_active_ratio.");
        meter.Samples.Should().BeEmpty("a refused stream places no sample");
        // The first sample comes after 50 ms; a refusal at the start timeout would come after 30 s. The bound between them
        // leaves a loaded machine seconds to start bash and stop it.
        (_fake.Clock.Now - started).Should().BeLessThan(15, "the refusal comes with the first sample, not at the start timeout (30 s)");
    }
}

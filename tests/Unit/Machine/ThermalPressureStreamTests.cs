using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Unit.Metering;

namespace SlmEnergyBench.Unit.Machine;

/// <summary>
/// Thermal pressure carried from powermetrics' output into the samples: the Intel Mac field sample (its top-level
/// <c>thermal_pressure</c> is <c>Nominal</c>), and the same sample with <c>Heavy</c>, streamed by the fake command.
/// </summary>
[Collection(ProcessTestsCollection.Name)]
public sealed class ThermalPressureStreamTests : IDisposable
{
    private readonly FakePowermetrics _fake = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    private async Task<IReadOnlyList<Harness.Metering.MeterSample>> StreamAsync(string plistFile)
    {
        _fake.Replay(plistFile);
        var options = FakePowermetrics.Options();
        options.StartTimeoutSeconds = 5; // the field sample is 1.00238 s long
        await using var meter = _fake.Meter(options);
        await meter.StartAsync(_ct);
        return [.. meter.Samples];
    }

    [Fact]
    public async Task Samples_IntelMacFieldSample_CarryItsThermalPressure()
    {
        // Act
        var samples = await StreamAsync(FieldInputFiles.IntelMacSample);

        // Assert: the file says <key>thermal_pressure</key><string>Nominal</string>.
        samples.Should().NotBeEmpty().And.OnlyContain(s => s.ThermalPressure == "Nominal");
        ThermalPressure.Of(samples)!.Throttled.Should().BeFalse();
    }

    [Fact]
    public async Task Samples_FieldSampleUnderHeavyPressure_AreThrottledAndWarned()
    {
        // Arrange
        var heavy = File.ReadAllText(FieldInputFiles.IntelMacSample).Replace("<string>Nominal</string>", "<string>Heavy</string>", StringComparison.Ordinal);
        var path = _fake.WriteDocument("heavy.plist", heavy);

        // Act
        var samples = await StreamAsync(path);
        var thermal = ThermalPressure.Of(samples)!;

        // Assert: each sample is 1.00238 s long (its elapsed_ns).
        thermal.Samples.Should().Equal(new Dictionary<string, int> { ["Heavy"] = samples.Count });
        thermal.NotNominalS.Should().BeApproximately(samples.Count * 1.00238, 1e-6);
        var state = new MachineState(new PowerSource(PowerSource.Ac, null, null, "test", "test"), null, null, null, null, null, thermal, []);
        MachineWarnings.AtEnd(state).Should().ContainSingle().Which.Should().StartWith("Throttled: powermetrics reported thermal pressure other than Nominal");
    }
}

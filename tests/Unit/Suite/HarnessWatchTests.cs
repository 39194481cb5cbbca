using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Machine;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Timing;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Suite;

/// <summary>
/// The machine's warnings on their way to the observer and into the state: a laptop discharging its battery (a power-supply
/// folder written as files) and a meter whose samples report Heavy thermal pressure.
/// </summary>
public sealed class HarnessWatchTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _root.Dispose();

    private MachineSources OnBattery()
    {
        Directory.CreateDirectory(_root.File("power/BAT0"));
        File.WriteAllText(_root.File("power/BAT0/type"), "Battery\n");
        File.WriteAllText(_root.File("power/BAT0/status"), "Discharging\n");
        File.WriteAllText(_root.File("power/BAT0/capacity"), "64\n");
        Directory.CreateDirectory(_root.File("proc"));
        Directory.CreateDirectory(_root.File("cpu"));
        return new MachineSources(_root.File("proc"), _root.File("cpu"), _root.File("power"), IsMacOS: false);
    }

    [Fact]
    public async Task Warnings_OnBatteryAndThrottled_EachReachesTheObserverOnceAndStaysInTheState()
    {
        // Arrange
        var clock = new SessionClock();
        var observer = new RecordingObserver();
        var watch = await HarnessWatch.BeginAsync(OnBattery(), _ct);
        await using var meter = new HotMeter();
        await watch.BeforeMeterAsync(new BenchOptions(), new MeterChoice(meter, "test"), clock, _ct);

        // Act: the session tells the start's warnings before each case; then the run ends.
        watch.WarnAtStart(observer);
        watch.WarnAtStart(observer);
        await watch.FinishAsync([], new BenchOptions(), meter, observer, _ct);

        // Assert
        observer.Warnings.Should().HaveCount(2);
        observer.Warnings[0].Should().StartWith("On battery: the machine ran from its battery (battery (64%, Discharging))");
        observer.Warnings[1].Should().StartWith("Throttled: powermetrics reported thermal pressure other than Nominal in 1 of 2 samples");
        watch.MachineState!.Warnings.Should().Equal(observer.Warnings);
        watch.MachineState.Activity.Should().BeNull("the process table folder is empty");
        watch.MeterOverhead.Should().BeNull("Protocol:MeterOverheadSeconds is 0");
    }

    /// <summary>A meter whose two samples report Nominal, then Heavy thermal pressure.</summary>
    private sealed class HotMeter : IPowerMeter
    {
        public EnergyProvenance Provenance { get; } = new("hot", [Domains.Total], EnergyMethod.Simulated, "two samples", "");

        public IReadOnlyList<MeterSample> Samples { get; } =
        [
            new(0, 1, new Dictionary<string, double> { [Domains.Total] = 5 }) { ThermalPressure = "Nominal" },
            new(1, 2, new Dictionary<string, double> { [Domains.Total] = 5 }) { ThermalPressure = "Heavy" },
        ];

        public Task<Availability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Availability.Yes("hot"));

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) => throw new MeterException("not measured");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

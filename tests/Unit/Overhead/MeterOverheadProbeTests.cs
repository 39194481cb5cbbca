using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Overhead;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Overhead;

/// <summary>The meter's overhead, slow, fast, slow, each phase's meter a scripted one whose idle power the test sets.</summary>
public sealed class MeterOverheadProbeTests
{
    private readonly SessionClock _clock = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Hands out scripted meters of the given total idle powers, one per phase, and notes the interval each was asked for.</summary>
    private Func<int, CancellationToken, Task<IPowerMeter>> Meters(List<int> asked, params double[] powers) => (intervalMs, _) =>
    {
        var power = powers[asked.Count];
        asked.Add(intervalMs);
        return Task.FromResult<IPowerMeter>(new ScriptedPowerMeter(_clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = power }), periodS: 0.05));
    };

    [Fact]
    public async Task MeasureAsync_IdleDriftingUpwards_OverheadIsTheFastPhaseLessTheMeanOfTheSlowOnes()
    {
        // Arrange: 5.0 W at 1 s, 5.4 W at 100 ms, 5.2 W at 1 s: 5.4 - (5.0 + 5.2) / 2 = 0.3 W (a drift of 0.2 W cancels out).
        var asked = new List<int>();

        // Act
        var overhead = await MeterOverheadProbe.MeasureAsync(Meters(asked, 5.0, 5.4, 5.2), fastIntervalMs: 100, phaseS: 0.3, _clock, _ct);

        // Assert
        asked.Should().Equal(1000, 100, 1000);
        overhead.Phases.Select(p => p.IntervalMs).Should().Equal(1000, 100, 1000);
        overhead.Phases.Select(p => p.PowerW!.Value).Should().Equal([5.0, 5.4, 5.2], (a, b) => Math.Abs(a - b) < 1e-9);
        overhead.Phases.Should().OnlyContain(p => p.EndS - p.StartS >= 0.3 && p.Problem == null);
        overhead.OverheadW.Should().BeApproximately(0.3, 1e-9);
        overhead.Method.Should().Be(EnergyMethod.Simulated, "the scripted meters are simulated, so is their difference");
        overhead.Describe().Should().StartWith("+0.300 W sampling every 100 ms instead of every 1000 ms (SIMULATED; idle 5.000 W at 1000 ms, 5.400 W at 100 ms, 5.200 W at 1000 ms, 0.3 s each)");
    }

    [Fact]
    public async Task MeasureAsync_APhaseWhoseMeterFailsToStart_HasNoOverheadAndSaysWhy()
    {
        // Arrange: the fast phase's meter fails.
        var phase = 0;
        Func<int, CancellationToken, Task<IPowerMeter>> meters = (intervalMs, _) => Task.FromResult<IPowerMeter>(phase++ == 1
            ? new FailingMeter()
            : new ScriptedPowerMeter(_clock, new ScriptedPowerTrace(new Dictionary<string, double> { [Domains.Cpu] = 5 }), periodS: 0.05));

        // Act
        var overhead = await MeterOverheadProbe.MeasureAsync(meters, fastIntervalMs: 100, phaseS: 0.2, _clock, _ct);

        // Assert
        overhead.OverheadW.Should().BeNull();
        overhead.Phases[1].Problem.Should().Be("the meter would not start");
        overhead.Describe().Should().StartWith("not told: a phase has no power (5.000 W at 1000 ms, none at 100 ms (the meter would not start), 5.000 W at 1000 ms");
    }

    private sealed class FailingMeter : IPowerMeter
    {
        public EnergyProvenance Provenance { get; } = new("failing", [Domains.Total], EnergyMethod.Measured, "none", "");

        public IReadOnlyList<MeterSample> Samples => [];

        public Task<Harness.Availability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Harness.Availability.No("fails"));

        public Task StartAsync(CancellationToken cancellationToken) => throw new MeterException("the meter would not start");

        public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

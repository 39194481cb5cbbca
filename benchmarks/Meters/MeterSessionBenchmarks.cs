using BenchmarkDotNet.Attributes;
using SlmEnergyBench.Benchmarks.Infrastructure;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Benchmarks.Meters;

/// <summary>
/// A whole meter session's CPU per second of run: the meters that run on a Linux machine without a GPU, opened as a run opens
/// them (<see cref="MeterSelector.ChooseAsync(MeterOptions, string, SessionClock, CancellationToken)"/>, then
/// <see cref="IPowerMeter.StartAsync"/>): <c>rapl</c> (the polled sampler over <see cref="RaplSource"/>, here on a temporary
/// powercap tree, see <see cref="TempPowercap"/>) and <c>estimate</c> (the polled sampler over <c>/proc/stat</c>), at 100 ms and
/// 10 ms intervals. Each iteration measures the process's CPU over <see cref="PeriodS"/> s with no session (setup), then over
/// the same period with the session sampling (the benchmark).
/// </summary>
[Goal("A meter session costs under 1% of one core at a 100 ms interval (CPU % of a core, net of the process without a session). The Mean column is only the wall period each figure is measured over.")]
[SideFigure("CPU % of a core", "the session's CPU: 100 x this process's CPU time (Environment.CpuUsage: user + kernel, all threads) / wall time over the period with the meter sampling, minus the same over an equal period just before with no session; % of one core", "0.000")]
[SideFigure("No-session CPU %", "the process without a session over the same period (the baseline subtracted above), % of one core", "0.000")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[InvocationCount(1)]
public class MeterSessionBenchmarks
{
    /// <summary>The wall period each CPU figure is measured over, s.</summary>
    public const double PeriodS = 2;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(PeriodS);

    private const int WarmIntervalMs = 10;

    private TempPowercap? _powercap;
    private IPowerMeter? _meter;
    private (TimeSpan Cpu, TimeSpan Wall) _without;

    /// <summary>The meter's sampling interval, ms.</summary>
    [Params(100, 10)]
    public int IntervalMs { get; set; }

    /// <summary>The meter (<c>Meter:Kind</c>).</summary>
    [Params(MeterKinds.Rapl, MeterKinds.Estimate)]
    public string Meter { get; set; } = MeterKinds.Rapl;

    [GlobalSetup]
    public void Setup()
    {
        _powercap = new TempPowercap();

        // The sampling path's methods are jitted at tier 0 first and recompiled after 30 calls (tiered compilation): a run pays
        // that once, in its first seconds. A 1.5 s session at 10 ms (150 readings) pays it here, so the periods measure the
        // steady state.
        var warm = Open(WarmIntervalMs);
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        warm.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _powercap?.Dispose();

    [IterationSetup]
    public void StartSession()
    {
        _without = CpuShare.Over(Period);
        _meter = Open(IntervalMs);
    }

    [IterationCleanup]
    public void StopSession()
    {
        _meter?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _meter = null;
    }

    /// <summary>Opens and starts this case's meter at <paramref name="intervalMs"/> as a run does (choice by kind, then start).</summary>
    private IPowerMeter Open(int intervalMs)
    {
        var options = new MeterOptions { Kind = Meter, IntervalMs = intervalMs, RaplRoot = _powercap!.Root };
        var meter = MeterSelector.ChooseAsync(options, RepositoryPaths.FindRoot(), new SessionClock(), CancellationToken.None).GetAwaiter().GetResult().Meter;
        meter.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return meter;
    }

    /// <summary>The period with the session sampling; records its net CPU % of a core.</summary>
    [Benchmark]
    public int Session()
    {
        var with = CpuShare.Over(Period);
        var key = SideFigures.Key(GetType(), nameof(Session), (nameof(IntervalMs), IntervalMs), (nameof(Meter), Meter));
        SideFigures.Record(key, "CPU % of a core", CpuShare.NetPercentOfCore(with, _without));
        SideFigures.Record(key, "No-session CPU %", CpuShare.PercentOfCore(_without.Cpu, _without.Wall));
        return _meter!.Samples.Count;
    }
}

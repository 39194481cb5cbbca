using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Benchmarks.Windows;

/// <summary>
/// A polled meter whose timeline already holds a whole run's samples: the product's <see cref="PolledSampler"/> (the sampler
/// of the RAPL, NVML and estimate meters) over a given <see cref="SampleTimeline"/>, exposed as those meters expose theirs, so
/// a window takes the same path (<see cref="PolledSampler.MeasureAsync"/>: wait for coverage, integrate, check) as in a run.
/// Its source reads nothing: the timer ticks, and no sample is added after the prefilled ones.
/// </summary>
internal sealed class PrefilledMeter : IPowerMeter
{
    private readonly PolledSampler _sampler;

    /// <param name="timeline">The run's samples (100 ms each, say).</param>
    /// <param name="intervalMs">The interval the samples were taken at, ms.</param>
    public PrefilledMeter(SampleTimeline timeline, int intervalMs)
    {
        _sampler = new PolledSampler("prefilled", new NoReading(), timeline, new MeterOptions { IntervalMs = intervalMs }, new SessionClock());
    }

    public EnergyProvenance Provenance => new("prefilled", [Domains.Package, Domains.Dram, Domains.Total], EnergyMethod.Simulated,
        "a run's samples generated in advance (benchmark)", "Not a measurement: a benchmark of the window path.");

    public IReadOnlyList<MeterSample> Samples => _sampler.Timeline.Samples;

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => _sampler.Timeline.Overlapping(startS, endS);

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _sampler.Timeline.From(index);

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Availability.Yes("prefilled"));

    public Task StartAsync(CancellationToken cancellationToken) => _sampler.StartAsync(cancellationToken);

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        _sampler.MeasureAsync(startS, endS, cancellationToken);

    public ValueTask DisposeAsync() => _sampler.DisposeAsync();

    private sealed class NoReading : IPolledSource
    {
        public void Begin(double nowS)
        {
        }

        public MeterSample? Next(double nowS) => null;
    }
}

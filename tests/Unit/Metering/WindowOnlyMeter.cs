using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>
/// A meter that behaves as <c>inner</c> but refuses to hand out the whole run's samples (<see cref="Samples"/> throws): what a
/// window needs must come through <see cref="SamplesIn"/>, whose cost does not grow with the run.
/// </summary>
internal sealed class WindowOnlyMeter(IPowerMeter inner) : IPowerMeter
{
    public EnergyProvenance Provenance => inner.Provenance;

    public IReadOnlyList<MeterSample> Samples =>
        throw new InvalidOperationException("a window's path asked for every sample of the run (a copy that grows with the run)");

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => inner.SamplesIn(startS, endS);

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => inner.SamplesFrom(index);

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        inner.MeasureAsync(startS, endS, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

using SlmEnergyBench.Harness;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>A meter that behaves as <c>inner</c> but shows another provenance (e.g. an estimated part), and optionally another availability.</summary>
internal sealed class RelabeledMeter(IPowerMeter inner, EnergyProvenance provenance, Availability? availability = null) : IPowerMeter
{
    public bool Disposed { get; private set; }

    public EnergyProvenance Provenance => provenance;

    public IReadOnlyList<MeterSample> Samples => inner.Samples;

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) =>
        availability is null ? inner.CheckAsync(cancellationToken) : Task.FromResult(availability);

    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) =>
        inner.MeasureAsync(startS, endS, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Disposed = true;
        await inner.DisposeAsync();
    }
}

using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// A real meter reading a stand-in the suite ships (the <c>prometheus</c> meter reading the fake exporter through a real
/// Prometheus): every figure is the inner meter's, but its provenance says <see cref="EnergyMethod.Simulated"/>, because the
/// counters follow a simulated power, not any machine's hardware.
/// </summary>
/// <param name="inner">The meter doing the work.</param>
/// <param name="what">What it reads, for the provenance's notes (e.g. the fake exporter and the Prometheus serving it).</param>
public sealed class SimulatedStackMeter(IPowerMeter inner, string what) : IPowerMeter
{
    /// <inheritdoc />
    public EnergyProvenance Provenance
    {
        get
        {
            var p = inner.Provenance;
            return p with { Method = EnergyMethod.Simulated, Notes = $"SIMULATED: {what}. {p.Notes}" };
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<MeterSample> Samples => inner.Samples;

    /// <inheritdoc />
    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => inner.SamplesIn(startS, endS);

    /// <inheritdoc />
    public IReadOnlyList<MeterSample> SamplesFrom(int index) => inner.SamplesFrom(index);

    /// <inheritdoc />
    public Task<Availability> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken) => inner.MeasureAsync(startS, endS, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

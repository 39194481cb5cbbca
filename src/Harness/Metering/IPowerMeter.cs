namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// A power-meter session: started once for a whole test run, it samples in the background on the
/// session timeline and answers the energy of any window inside its lifetime.
/// </summary>
public interface IPowerMeter : IAsyncDisposable
{
    /// <summary>Which meter, which domains, measured or estimated.</summary>
    EnergyProvenance Provenance { get; }

    /// <summary>Every sample received so far, in order (for results and charts).</summary>
    IReadOnlyList<MeterSample> Samples { get; }

    /// <summary>Whether this meter can run here; if not, the reason says what to install or configure. Never hangs.</summary>
    Task<Availability> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Starts sampling and returns once the first sample has arrived (or throws <see cref="MeterException"/>).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits until samples cover the window's end (or the meter can no longer cover it), then integrates.
    /// Throws <see cref="MeterException"/> when the window is not covered well enough to report.
    /// </summary>
    Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken);
}

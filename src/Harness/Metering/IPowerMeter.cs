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

    /// <summary>
    /// The samples overlapping [<paramref name="startS"/>, <paramref name="endS"/>] (s): what a window's figures need, at the
    /// window's cost rather than the whole run's. By default <see cref="Samples"/> filtered; meters with a
    /// <see cref="SampleTimeline"/> answer from it directly (<see cref="SampleTimeline.Overlapping"/>).
    /// </summary>
    IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) =>
        [.. Samples.Where(s => s.StartS < endS && s.EndS > startS)];

    /// <summary>
    /// The samples from index <paramref name="index"/> of <see cref="Samples"/> on: what the results file has not written yet,
    /// at the cost of the new samples rather than the whole run's. By default <see cref="Samples"/> skipped.
    /// </summary>
    IReadOnlyList<MeterSample> SamplesFrom(int index) => [.. Samples.Skip(index)];

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

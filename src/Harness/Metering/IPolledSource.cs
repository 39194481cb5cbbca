namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Something a <see cref="PolledSampler"/> reads every interval: energy counters or utilization. Called from
/// one thread at a time. Failures are <see cref="MeterException"/>s whose message says what to do.
/// </summary>
internal interface IPolledSource
{
    /// <summary>Takes the baseline reading at <paramref name="nowS"/> (session seconds).</summary>
    void Begin(double nowS);

    /// <summary>
    /// Reads again at <paramref name="nowS"/> and returns the sample since the last reading that produced one,
    /// or null when nothing can be said yet (the reading then stays the baseline).
    /// </summary>
    MeterSample? Next(double nowS);
}

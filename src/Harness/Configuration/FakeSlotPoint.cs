namespace SlmEnergyBench.Harness.Configuration;

/// <summary>
/// One point of a batching fake's slot curve (<see cref="FakeOptions.SlotCurve"/>): how each stream's decode speed and the
/// server's power scale when <see cref="Active"/> streams are generated at once. Between points the factors are interpolated
/// linearly, beyond the first and last point they stay at that point's values.
/// </summary>
public sealed class FakeSlotPoint
{
    /// <summary>Streams generated at once (1 or more; the points' values strictly increase).</summary>
    public int Active { get; set; }

    /// <summary>
    /// Multiplies EACH stream's decode speed (tokens/s) at <see cref="Active"/> streams, e.g. 0.75 = each stream 25% slower than
    /// alone; the server's total throughput is then Active x that. Greater than 0.
    /// </summary>
    public double SpeedFactor { get; set; } = 1;

    /// <summary>
    /// Multiplies the server's whole power while generating (the model's ActiveCpuPowerW and ActiveGpuPowerW: the total for the
    /// server, not per stream) at <see cref="Active"/> streams, e.g. 1.8 = 80% more watts than one stream draws. Greater than 0.
    /// </summary>
    public double PowerFactor { get; set; } = 1;
}

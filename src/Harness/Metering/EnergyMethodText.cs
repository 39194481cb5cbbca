namespace SlmEnergyBench.Harness.Metering;

/// <summary>How an <see cref="EnergyMethod"/> is written wherever a figure is shown: one word and one mark per method.</summary>
public static class EnergyMethodText
{
    /// <summary>
    /// The word shown beside a figure: <c>measured</c>, and in capitals the methods a reader must not mistake for a
    /// measurement of this machine: <c>ESTIMATED</c>, <c>SIMULATED</c>, <c>IMPORTED</c>.
    /// </summary>
    public static string Word(EnergyMethod method) => method switch
    {
        EnergyMethod.Measured => "measured",
        EnergyMethod.Estimated => "ESTIMATED",
        EnergyMethod.Simulated => "SIMULATED",
        EnergyMethod.Imported => "IMPORTED",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown energy method"),
    };

    /// <summary>The lower-case name as stored in JSON and CSV files: <c>measured</c>, <c>estimated</c>, <c>simulated</c>, <c>imported</c>.</summary>
    public static string Stored(EnergyMethod method) => Word(method).ToLowerInvariant();

    /// <summary>The prefix of each figure of that method: <c>~</c> for an estimate (a model's figure), nothing otherwise.</summary>
    public static string Mark(EnergyMethod method) => method == EnergyMethod.Estimated ? "~" : "";

    /// <summary>
    /// The method of figures that mix parts: the least trustworthy part wins, in the order
    /// simulated, imported, estimated, measured (a measured CPU plus an estimated GPU is estimated).
    /// </summary>
    public static EnergyMethod Combine(IEnumerable<EnergyMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var all = methods.ToHashSet();
        return all.Contains(EnergyMethod.Simulated) ? EnergyMethod.Simulated
            : all.Contains(EnergyMethod.Imported) ? EnergyMethod.Imported
            : all.Contains(EnergyMethod.Estimated) ? EnergyMethod.Estimated
            : EnergyMethod.Measured;
    }

    /// <summary>A sentence saying what the method means for a reader, for reports and run headers.</summary>
    public static string Meaning(EnergyMethod method) => method switch
    {
        EnergyMethod.Measured => "measured by this machine's energy counters",
        EnergyMethod.Estimated => "ESTIMATED by a power model, not measured by a counter",
        EnergyMethod.Simulated => "SIMULATED by a fake meter that the suite ships, not measured on any hardware",
        EnergyMethod.Imported => "IMPORTED from another study's samples on inferred times, not measured by this suite",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown energy method"),
    };
}

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// How an energy figure was obtained. Stored with every window, case record, summary and baseline; shown beside
/// every figure (see <see cref="EnergyMethodText"/>). Only <see cref="Measured"/> may ever be called measured, and
/// figures of different methods are never compared with each other.
/// </summary>
public enum EnergyMethod
{
    /// <summary>Read from a real energy counter (or per-sample energy values) of this machine's hardware or OS.</summary>
    Measured,

    /// <summary>Computed by a model from other quantities (utilization, TDP). Never to be shown as measured.</summary>
    Estimated,

    /// <summary>
    /// Produced by a fake meter that the suite itself ships (the <c>fake</c> profile's powermetrics script, the
    /// scripted meter of the tests): the figures follow a simulated power state, not any machine's hardware.
    /// </summary>
    Simulated,

    /// <summary>
    /// Another study's samples, imported on inferred times (e.g. the seed study's results, whose sample times were
    /// not recorded): the energies were measured there, but their placement on this timeline is reconstructed.
    /// </summary>
    Imported,
}

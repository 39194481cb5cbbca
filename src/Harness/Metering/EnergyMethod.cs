namespace SlmEnergyBench.Harness.Metering;

/// <summary>How an energy figure was obtained.</summary>
public enum EnergyMethod
{
    /// <summary>Read from an energy counter (or per-sample energy values) of the hardware or OS.</summary>
    Measured,

    /// <summary>Computed by a model from other quantities (utilization, TDP). Never to be shown as measured.</summary>
    Estimated,
}

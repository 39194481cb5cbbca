namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The few NVML calls the <see cref="NvmlMeter"/> needs, behind a seam so tests use a scripted fake.
/// An instance is an initialized NVML session (<c>nvmlInit_v2</c>); disposing it calls <c>nvmlShutdown</c>.
/// Failures are <see cref="MeterException"/>s naming the call and NVML's error.
/// </summary>
public interface INvml : IDisposable
{
    /// <summary>What was loaded, e.g. <c>libnvidia-ml.so.1</c>, for provenance.</summary>
    string Library { get; }

    /// <summary><c>nvmlDeviceGetCount_v2</c>.</summary>
    int DeviceCount { get; }

    /// <summary><c>nvmlDeviceGetName</c>, e.g. <c>NVIDIA H100 80GB HBM3</c>.</summary>
    string Name(int index);

    /// <summary>
    /// <c>nvmlDeviceGetTotalEnergyConsumption</c>: millijoules since the driver was loaded (Volta and newer).
    /// False when the device does not support it.
    /// </summary>
    bool TryGetTotalEnergyMj(int index, out ulong millijoules);

    /// <summary><c>nvmlDeviceGetPowerUsage</c>: current power draw, milliwatts.</summary>
    uint GetPowerMw(int index);
}

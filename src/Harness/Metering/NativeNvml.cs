using System.Globalization;
using System.Runtime.InteropServices;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// NVML loaded at run time with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> and called through
/// function pointers, so a machine without the NVIDIA driver gets a clear <see cref="MeterException"/>, never a
/// crash or a <see cref="DllNotFoundException"/>.
/// </summary>
internal sealed unsafe class NativeNvml : INvml
{
    private const int Success = 0;
    private const int NotSupported = 3;
    private const int NameBufferSize = 96;

    private readonly IntPtr _library;
    private readonly IntPtr[] _devices;
    private readonly delegate* unmanaged<int> _shutdown;
    private readonly delegate* unmanaged<IntPtr, byte*, uint, int> _getName;
    private readonly delegate* unmanaged<IntPtr, ulong*, int> _getTotalEnergy;
    private readonly delegate* unmanaged<IntPtr, uint*, int> _getPower;
    private readonly delegate* unmanaged<int, byte*> _errorString;
    private bool _disposed;

    private NativeNvml(string library, IntPtr handle)
    {
        Library = library;
        _library = handle;
        var init = (delegate* unmanaged<int>)Export("nvmlInit_v2");
        var getCount = (delegate* unmanaged<uint*, int>)Export("nvmlDeviceGetCount_v2");
        var getHandle = (delegate* unmanaged<uint, IntPtr*, int>)Export("nvmlDeviceGetHandleByIndex_v2");
        _shutdown = (delegate* unmanaged<int>)Export("nvmlShutdown");
        _getName = (delegate* unmanaged<IntPtr, byte*, uint, int>)Export("nvmlDeviceGetName");
        _getTotalEnergy = (delegate* unmanaged<IntPtr, ulong*, int>)Export("nvmlDeviceGetTotalEnergyConsumption");
        _getPower = (delegate* unmanaged<IntPtr, uint*, int>)Export("nvmlDeviceGetPowerUsage");
        _errorString = NativeLibrary.TryGetExport(handle, "nvmlErrorString", out var e) ? (delegate* unmanaged<int, byte*>)e : null;

        Check(init(), "nvmlInit_v2");
        try
        {
            uint count;
            Check(getCount(&count), "nvmlDeviceGetCount_v2");
            _devices = new IntPtr[count];
            for (uint i = 0; i < count; i++)
            {
                IntPtr device;
                Check(getHandle(i, &device), $"nvmlDeviceGetHandleByIndex_v2({i})");
                _devices[i] = device;
            }
        }
        catch
        {
            _shutdown();
            throw;
        }
    }

    public string Library { get; }

    public int DeviceCount => _devices.Length;

    /// <summary>The platform's NVML: <c>nvml.dll</c> on Windows, <c>libnvidia-ml.so.1</c> elsewhere.</summary>
    public static string DefaultLibrary => OperatingSystem.IsWindows() ? "nvml.dll" : "libnvidia-ml.so.1";

    /// <summary>Loads <paramref name="library"/> (empty: <see cref="DefaultLibrary"/>) and initializes NVML.</summary>
    public static NativeNvml Open(string? library)
    {
        var name = string.IsNullOrWhiteSpace(library) ? DefaultLibrary : library;
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            throw new MeterException(
                $"nvml: no NVIDIA driver/NVML found: could not load '{name}'. Install the NVIDIA driver, or set Meter:NvmlLibrary to the NVML library's path.");
        }

        try
        {
            return new NativeNvml(name, handle);
        }
        catch
        {
            NativeLibrary.Free(handle);
            throw;
        }
    }

    public string Name(int index)
    {
        var buffer = stackalloc byte[NameBufferSize];
        Check(_getName(Device(index), buffer, NameBufferSize), $"nvmlDeviceGetName({index})");
        return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
    }

    public bool TryGetTotalEnergyMj(int index, out ulong millijoules)
    {
        ulong value;
        var status = _getTotalEnergy(Device(index), &value);
        millijoules = value;
        if (status == NotSupported)
            return false;
        Check(status, $"nvmlDeviceGetTotalEnergyConsumption({index})");
        return true;
    }

    public uint GetPowerMw(int index)
    {
        uint value;
        Check(_getPower(Device(index), &value), $"nvmlDeviceGetPowerUsage({index})");
        return value;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _shutdown();
        NativeLibrary.Free(_library);
    }

    private IntPtr Device(int index)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _devices[index];
    }

    private IntPtr Export(string name) => NativeLibrary.TryGetExport(_library, name, out var address)
        ? address
        : throw new MeterException($"nvml: '{Library}' has no {name}: it is not NVML, or a driver too old for this meter (set Meter:NvmlLibrary to the NVIDIA driver's libnvidia-ml).");

    private void Check(int status, string call)
    {
        if (status == Success)
            return;
        var text = _errorString is null ? null : Marshal.PtrToStringUTF8((IntPtr)_errorString(status));
        throw new MeterException(string.Create(CultureInfo.InvariantCulture, $"nvml: {call} failed with NVML error {status} ({text ?? "no description"})."));
    }
}

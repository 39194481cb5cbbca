using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Unit.Metering;

/// <summary>A scripted NVML: per device a name, a counter (null: not supported) and a power reading (null: fails).</summary>
internal sealed class ScriptedNvml : INvml
{
    private readonly string[] _names;

    public ScriptedNvml(params string[] names)
    {
        _names = names;
        CounterMj = new ulong?[names.Length];
        PowerMw = new uint?[names.Length];
    }

    public ulong?[] CounterMj { get; }

    public uint?[] PowerMw { get; }

    public bool Disposed { get; private set; }

    public string Library => "scripted-nvml";

    public int DeviceCount => _names.Length;

    public string Name(int index) => _names[index];

    public bool TryGetTotalEnergyMj(int index, out ulong millijoules)
    {
        millijoules = CounterMj[index] ?? 0;
        return CounterMj[index] is not null;
    }

    public uint GetPowerMw(int index) =>
        PowerMw[index] ?? throw new MeterException($"nvml: nvmlDeviceGetPowerUsage({index}) failed with NVML error 3 (Not Supported).");

    public void Dispose() => Disposed = true;
}

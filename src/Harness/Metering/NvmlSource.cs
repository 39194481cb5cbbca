using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Reads every GPU each interval. A device with the total-energy counter contributes the counter's delta
/// (mJ); one without contributes the trapezoid of its power readings, (P0 + P1) / 2 x Δt. Power is also
/// polled on counter devices, into <see cref="PowerTimeline"/>, for windows too short for the counter.
/// </summary>
internal sealed class NvmlSource(INvml nvml) : IPolledSource
{
    private const double MillisPerUnit = 1000.0;

    private bool[] _counter = [];
    private bool[] _power = [];
    private ulong[] _lastMj = [];
    private uint[] _lastMw = [];
    private double _lastS;

    /// <summary>Trapezoid power samples of all devices (only when every device reports power).</summary>
    public SampleTimeline PowerTimeline { get; } = new([Domains.Gpu]);

    /// <summary>Per device: "name: how it is read".</summary>
    public IReadOnlyList<string> Devices { get; private set; } = [];

    public bool AnyCounter => _counter.Any(c => c);

    public bool AllCounters => _counter.Length > 0 && _counter.All(c => c);

    public void Begin(double nowS)
    {
        var count = nvml.DeviceCount;
        if (count == 0)
            throw new MeterException($"nvml: NVML ({nvml.Library}) found no NVIDIA GPU.");
        _counter = new bool[count];
        _power = new bool[count];
        _lastMj = new ulong[count];
        _lastMw = new uint[count];
        var devices = new string[count];
        for (var i = 0; i < count; i++)
        {
            var name = nvml.Name(i);
            _counter[i] = nvml.TryGetTotalEnergyMj(i, out _lastMj[i]);
            _power[i] = TryPower(i, out _lastMw[i], required: !_counter[i], name);
            devices[i] = string.Create(CultureInfo.InvariantCulture, $"GPU {i} ({name}): ")
                + (_counter[i] ? "nvmlDeviceGetTotalEnergyConsumption counter deltas (mJ)" : "nvmlDeviceGetPowerUsage (mW) polled and integrated with the trapezoid rule");
        }

        Devices = devices;
        _lastS = nowS;
    }

    public MeterSample? Next(double nowS)
    {
        var dt = nowS - _lastS;
        double joules = 0, powerJoules = 0;
        var allPower = true;
        for (var i = 0; i < _counter.Length; i++)
        {
            uint mw = 0;
            var hasPower = _power[i] && TryPower(i, out mw, required: !_counter[i], $"GPU {i}");
            var trapezoidJ = hasPower ? (_lastMw[i] + (double)mw) / 2 / MillisPerUnit * dt : 0;
            if (_counter[i])
                joules += CounterDeltaJ(i);
            else
                joules += trapezoidJ;
            allPower &= hasPower;
            _power[i] = hasPower;
            powerJoules += trapezoidJ;
            _lastMw[i] = mw;
        }

        var sample = new MeterSample(_lastS, nowS, new Dictionary<string, double>(StringComparer.Ordinal) { [Domains.Gpu] = joules });
        if (allPower)
            PowerTimeline.Add(new MeterSample(_lastS, nowS, new Dictionary<string, double>(StringComparer.Ordinal) { [Domains.Gpu] = powerJoules }));
        _lastS = nowS;
        return sample;
    }

    private double CounterDeltaJ(int i)
    {
        if (!nvml.TryGetTotalEnergyMj(i, out var mj))
            throw new MeterException($"nvml: GPU {i}'s total-energy counter stopped being supported during the run.");
        if (mj < _lastMj[i])
        {
            throw new MeterException(string.Create(CultureInfo.InvariantCulture,
                $"nvml: GPU {i}'s total-energy counter went back from {_lastMj[i]} to {mj} mJ (the driver was reloaded?); windows after this cannot be measured."));
        }

        var delta = (mj - _lastMj[i]) / MillisPerUnit;
        _lastMj[i] = mj;
        return delta;
    }

    private bool TryPower(int i, out uint milliwatts, bool required, string device)
    {
        try
        {
            milliwatts = nvml.GetPowerMw(i);
            return true;
        }
        catch (MeterException) when (!required)
        {
            milliwatts = 0;
            return false;
        }
        catch (MeterException e)
        {
            throw new MeterException($"nvml: {device} has no total-energy counter and its power cannot be read: {e.Message}", e);
        }
    }
}

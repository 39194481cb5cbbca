using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// NVIDIA GPUs through NVML (<see cref="INvml"/>; the real one is loaded from <see cref="MeterOptions.NvmlLibrary"/>
/// or the platform default). Domains: <see cref="Domains.Gpu"/> (sum over devices) and <see cref="Domains.Total"/> = gpu.
/// Every <see cref="MeterOptions.IntervalMs"/> each device is read: the total-energy counter's delta where
/// supported (Volta and newer), otherwise the trapezoid of two power readings (see <see cref="NvmlSource"/>).
/// </summary>
/// <remarks>
/// <para>Too-short windows: the counter updates less often than it can be read, so a window inside one
/// update period can show 0 mJ while the GPU draws power. When the counter energy of a window is 0 while
/// the polled power is above 0, the window's energy is power x duration (the trapezoid of the polled power)
/// and <see cref="WindowEnergy.Approximation"/> says so. This is allowed for windows up to
/// <see cref="MaxCounterUpdatePeriodS"/>; a longer window with a still counter and power above 0 fails:
/// the counter is then broken, not slow, and no figure is better than a wrong one.</para>
/// <para>The fallback works on the sum over devices (a device whose counter moved makes the window's sum
/// non-zero, and then no device is approximated).</para>
/// </remarks>
public sealed class NvmlMeter : IPowerMeter
{
    /// <summary>The longest window for which a counter that did not move is taken as "not updated yet" (seconds).</summary>
    public const double MaxCounterUpdatePeriodS = 1.0;

    private readonly MeterOptions _options;
    private readonly SessionClock _clock;
    private readonly Func<INvml> _open;
    private INvml? _nvml;
    private NvmlSource? _source;
    private PolledSampler? _sampler;
    private int _approximated;

    /// <param name="options">NvmlLibrary, IntervalMs, MinCoverage, MaxPlausiblePowerW, StartTimeoutSeconds.</param>
    /// <param name="clock">The session timeline samples are placed on.</param>
    /// <param name="open">Opens an NVML session (tests: a scripted fake); by default the native library. Throws <see cref="MeterException"/> when there is none.</param>
    public NvmlMeter(MeterOptions options, SessionClock clock, Func<INvml>? open = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _clock = clock;
        _open = open ?? (() => NativeNvml.Open(options.NvmlLibrary));
    }

    public EnergyProvenance Provenance
    {
        get
        {
            var devices = _source?.Devices ?? [];
            var mode = _source is null ? "" : _source.AllCounters ? " Counter deltas." : " Power polled every interval and integrated with the trapezoid rule (no energy counter on some GPU): samples are trapezoid segments.";
            var notes = $"GPU board energy only (not CPU or the rest of the machine).{mode}"
                + Invariant($" A window of at most {MaxCounterUpdatePeriodS} s over which the counter did not move while power was above 0 is approximated as power x duration (WindowEnergy.Approximation says so)")
                + Invariant($"; so far {_approximated} window(s).");
            return new EnergyProvenance(
                MeterKinds.Nvml,
                [Domains.Gpu, Domains.Total],
                EnergyMethod.Measured,
                $"NVML ({_nvml?.Library ?? (_options.NvmlLibrary is { Length: > 0 } l ? l : NativeNvml.DefaultLibrary)}) every {_options.IntervalMs} ms: "
                + (devices.Count == 0 ? "devices not read yet" : string.Join("; ", devices)) + "; gpu = sum over devices; total = gpu.",
                notes);
        }
    }

    public IReadOnlyList<MeterSample> Samples => _sampler?.Timeline.Samples ?? [];

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS) => _sampler?.Timeline.Overlapping(startS, endS) ?? [];

    public IReadOnlyList<MeterSample> SamplesFrom(int index) => _sampler?.Timeline.From(index) ?? [];

    public Task<Availability> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var nvml = _open();
            var count = nvml.DeviceCount;
            if (count == 0)
                return Task.FromResult(Availability.No($"nvml: NVML ({nvml.Library}) found no NVIDIA GPU."));
            var names = Enumerable.Range(0, count).Select(i => $"{i}: {nvml.Name(i)}");
            return Task.FromResult(Availability.Yes($"nvml: {count} GPU(s) through {nvml.Library} ({string.Join(", ", names)})."));
        }
        catch (MeterException e)
        {
            return Task.FromResult(Availability.No(e.Message));
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_sampler is not null)
            throw new InvalidOperationException("The meter is already started.");
        _nvml = _open();
        _source = new NvmlSource(_nvml);
        _sampler = new PolledSampler(MeterKinds.Nvml, _source, new SampleTimeline([Domains.Gpu]), _options, _clock);
        await _sampler.StartAsync(cancellationToken);
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        var sampler = _sampler ?? throw new InvalidOperationException("Call StartAsync before MeasureAsync.");
        var window = await sampler.MeasureAsync(startS, endS, cancellationToken);
        if (!_source!.AnyCounter || !window.Domains.TryGetValue(Domains.Gpu, out var gpu) || gpu.Joules > 0)
            return window;

        var power = _source.PowerTimeline.Integrate(startS, endS);
        if (power.Coverage < _options.MinCoverage || !power.Domains.TryGetValue(Domains.Gpu, out var polled) || polled.Joules <= 0)
            return window;
        if (window.DurationS > MaxCounterUpdatePeriodS)
        {
            throw new MeterException(Invariant(
                $"nvml: the GPU energy counter did not move over [{startS:0.000}, {endS:0.000}] s ({window.DurationS:0.###} s) while the GPU drew {polled.AveragePowerW:0.#} W on average: the counter is not trustworthy (update the NVIDIA driver)."));
        }

        Interlocked.Increment(ref _approximated);
        var approximated = window with
        {
            Domains = power.Domains,
            ProRataJoules = power.ProRataJoules,
            EdgeJoules = power.EdgeJoules,
            EdgeSamples = power.EdgeSamples,
            Approximation = Invariant(
                $"nvml: the GPU energy counter did not move over this {window.DurationS:0.###} s window (shorter than its update period) while the GPU drew {polled.AveragePowerW:0.###} W: energy = polled power x duration (trapezoid), approximate."),
        };
        sampler.CheckPlausible(approximated);
        return approximated;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sampler is not null)
            await _sampler.DisposeAsync();
        _nvml?.Dispose();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

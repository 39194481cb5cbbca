using System.Globalization;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// The sampling loop shared by the meters that poll (RAPL, NVML, estimate): a periodic timer on the session
/// clock reads an <see cref="IPolledSource"/> every <see cref="MeterOptions.IntervalMs"/>; each reading's sample
/// goes to a <see cref="SampleTimeline"/>, and windows are integrated from it.
/// </summary>
/// <remarks>
/// A sample spans two consecutive readings, stamped with the session time at which each was taken. A reading
/// that fails stops the loop (the meter is not restarted): windows after the last sample then fail with that
/// reason. Ticks never overlap: a tick that comes while the previous one still reads is skipped.
/// </remarks>
internal sealed class PolledSampler : IAsyncDisposable
{
    private readonly string _meter;
    private readonly IPolledSource _source;
    private readonly MeterOptions _options;
    private readonly SessionClock _clock;
    private readonly AsyncPulse _changed = new();
    private readonly Lock _tickGate = new();
    private ITimer? _timer;
    private double? _startedS;
    private volatile string? _failure;
    private volatile bool _stopped;

    public PolledSampler(string meter, IPolledSource source, SampleTimeline timeline, MeterOptions options, SessionClock clock)
    {
        _meter = meter;
        _source = source;
        Timeline = timeline;
        _options = options;
        _clock = clock;
    }

    public SampleTimeline Timeline { get; }

    public bool IsStarted => _startedS is not null;

    /// <summary>Takes the baseline reading, starts the timer and returns once the first sample is there.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
            throw new ObjectDisposedException(nameof(PolledSampler));
        if (_startedS is not null)
            throw new InvalidOperationException("The meter is already started.");
        if (_options.IntervalMs <= 0)
            throw new MeterException(Invariant($"Meter:IntervalMs is {_options.IntervalMs}; it must be a positive number of milliseconds."));

        lock (_tickGate)
        {
            _startedS = _clock.Now;
            _source.Begin(_startedS.Value);
        }

        var period = TimeSpan.FromMilliseconds(_options.IntervalMs);
        _timer = _clock.TimeProvider.CreateTimer(_ => Tick(), null, period, period);
        await _changed.WaitUntilAsync(() => Timeline.Count > 0 || _failure is not null, _clock.Now + _options.StartTimeoutSeconds, _clock, cancellationToken);
        if (Timeline.Count > 0)
            return;
        throw new MeterException(_failure ?? Invariant(
            $"{_meter}: no sample within {_options.StartTimeoutSeconds} s (StartTimeoutSeconds) of starting (interval {_options.IntervalMs} ms)."));
    }

    /// <summary>Waits (bounded) until samples cover <paramref name="endS"/>, integrates and checks coverage and plausibility.</summary>
    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        if (_startedS is null)
            throw new InvalidOperationException("Call StartAsync before MeasureAsync.");
        if (!double.IsFinite(startS) || !double.IsFinite(endS) || endS <= startS)
            throw new ArgumentOutOfRangeException(nameof(endS), Invariant($"window [{startS}, {endS}] must be finite and end after it starts"));

        var waitS = Math.Max(0, endS - _clock.Now) + (3 * _options.IntervalMs / 1000.0) + 1.0;
        await _changed.WaitUntilAsync(() => Timeline.LastEndS >= endS || _failure is not null || _stopped, _clock.Now + waitS, _clock, cancellationToken);

        var window = Timeline.Integrate(startS, endS);
        if (window.Coverage < _options.MinCoverage)
            throw new MeterException(DescribeShortfall(window, waitS));
        CheckPlausible(window);
        return window;
    }

    /// <summary>Throws when the window's average total power is above <see cref="MeterOptions.MaxPlausiblePowerW"/>.</summary>
    public void CheckPlausible(WindowEnergy window) =>
        PlausiblePower.ThrowIfAbove(_meter, window, _options.MaxPlausiblePowerW, "the readings are not trustworthy");

    public ValueTask DisposeAsync()
    {
        _stopped = true;
        var timer = _timer;
        _timer = null;
        _changed.Pulse();
        return timer?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private void Tick()
    {
        if (_stopped || _failure is not null || !_tickGate.TryEnter())
            return;
        try
        {
            if (_source.Next(_clock.Now) is { } sample)
                Timeline.Add(sample);
        }
        catch (MeterException e)
        {
            _failure = e.Message;
        }
#pragma warning disable CA1031 // A timer callback must not throw: any failure stops the loop and is reported by MeasureAsync.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = $"{_meter}: reading failed unexpectedly ({e.GetType().Name}: {e.Message}).";
        }
        finally
        {
            _tickGate.Exit();
        }

        _changed.Pulse();
    }

    private string DescribeShortfall(WindowEnergy window, double waitedS)
    {
        var reasons = new List<string>();
        var first = Timeline.FirstStartS;
        var last = Timeline.LastEndS;
        if (first is null)
            reasons.Add("no sample has arrived yet");
        else if (window.StartS < first)
            reasons.Add(Invariant($"the window starts before the first sample ({first:0.000} s; the meter started at {_startedS:0.000} s)"));
        if (last is { } end && window.EndS > end)
        {
            reasons.Add(_failure is { } failure
                ? Invariant($"sampling stopped after the last sample ending at {end:0.000} s: {failure}")
                : Invariant($"no sample covering the window's end arrived within {waitedS:0.0} s (last sample ends at {end:0.000} s)"));
        }
        else if (_failure is { } failure)
        {
            reasons.Add(failure);
        }

        return Invariant(
            $"{_meter} covered {window.Coverage * 100:0.0}% of window [{window.StartS:0.000}, {window.EndS:0.000}] s ({window.SampleCount} samples); at least {_options.MinCoverage * 100:0.#}% (MinCoverage) is needed: ")
            + (reasons.Count == 0 ? "samples are missing inside the window." : string.Join("; ", reasons) + ".");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// An in-process fake meter for unit tests: samples of a fixed period whose energies come from a
/// <see cref="ScriptedPowerTrace"/>, appearing as the <see cref="SessionClock"/> advances (works with
/// <c>FakeTimeProvider</c>: advance the fake time and the samples are there).
/// </summary>
/// <remarks>
/// The sample chain is anchored at the moment <see cref="StartAsync"/> is called: sample 0 ends there
/// (as if the meter had been sampling already), so StartAsync returns at once with its first sample.
/// Sample k covers [origin + (k - 1) x period, origin + k x period]. Indices in <c>lostSamples</c> are
/// never produced (gaps), to exercise coverage failures. Total = the sum of the trace's domains except DRAM.
/// </remarks>
public sealed class ScriptedPowerMeter : IPowerMeter
{
    private readonly SessionClock _clock;
    private readonly ScriptedPowerTrace _trace;
    private readonly double _periodS;
    private readonly double _minCoverage;
    private readonly HashSet<int> _lost;
    private readonly SampleTimeline _timeline;
    private readonly Lock _gate = new();
    private double? _originS;
    private int _nextIndex;

    public ScriptedPowerMeter(SessionClock clock, ScriptedPowerTrace trace, double periodS = 0.1, double minCoverage = 0.98, IEnumerable<int>? lostSamples = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodS);
        _clock = clock;
        _trace = trace;
        _periodS = periodS;
        _minCoverage = minCoverage;
        _lost = [.. lostSamples ?? []];
        _timeline = new SampleTimeline(trace.Domains.Where(d => d != Domains.Dram));
    }

    public EnergyProvenance Provenance => new(
        "scripted",
        [.. _trace.Domains, Domains.Total],
        EnergyMethod.Simulated,
        Invariant($"scripted fake: a piecewise-constant power trace integrated exactly into {_periodS * 1000:0.###} ms samples"),
        "A test double, not a measurement: its figures are whatever the test scripted.");

    public IReadOnlyList<MeterSample> Samples
    {
        get
        {
            Materialize();
            return _timeline.Samples;
        }
    }

    public IReadOnlyList<MeterSample> SamplesIn(double startS, double endS)
    {
        Materialize();
        return _timeline.Overlapping(startS, endS);
    }

    public IReadOnlyList<MeterSample> SamplesFrom(int index)
    {
        Materialize();
        return _timeline.From(index);
    }

    public Task<Availability> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Availability.Yes("scripted fake meter: always available."));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_originS is not null)
                throw new InvalidOperationException("The meter is already started.");
            _originS = _clock.Now;
        }

        Materialize();
        return Task.CompletedTask;
    }

    public async Task<WindowEnergy> MeasureAsync(double startS, double endS, CancellationToken cancellationToken)
    {
        var origin = _originS ?? throw new InvalidOperationException("Call StartAsync before MeasureAsync.");
        if (!double.IsFinite(startS) || !double.IsFinite(endS) || endS <= startS)
            throw new ArgumentOutOfRangeException(nameof(endS), Invariant($"window [{startS}, {endS}] must be finite and end after it starts"));

        // Wait, on the session clock, for the sample that covers the window's end.
        // Timers may fire a little early on the real clock: wait again until that sample really exists.
        var coveringEnd = origin + (Math.Ceiling((endS - origin) / _periodS) * _periodS);
        for (var wait = coveringEnd - _clock.Now; wait > 1e-9; wait = coveringEnd - _clock.Now)
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(wait, 0.001)), _clock.TimeProvider, cancellationToken);

        Materialize();
        var window = _timeline.Integrate(startS, endS);
        if (window.Coverage < _minCoverage)
        {
            throw new MeterException(Invariant(
                $"scripted meter covered {window.Coverage * 100:0.0}% of window [{startS:0.000}, {endS:0.000}] s; at least {_minCoverage * 100:0.#}% is needed (scripted lost samples or a window before the start at {origin:0.000} s)."));
        }

        return window;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Adds every sample that has ended by now.</summary>
    private void Materialize()
    {
        lock (_gate)
        {
            if (_originS is not { } origin)
                return;
            var now = _clock.Now;
            while (true)
            {
                var end = origin + (_nextIndex * _periodS);
                if (end > now + 1e-9)
                    return;
                var start = origin + ((_nextIndex - 1) * _periodS);
                if (!_lost.Contains(_nextIndex))
                    _timeline.Add(new MeterSample(start, end, _trace.EnergyJ(start, end)));
                _nextIndex++;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

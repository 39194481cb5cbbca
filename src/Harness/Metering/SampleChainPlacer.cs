namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Places samples that carry their own measured length (powermetrics' <c>elapsed_ns</c>) on the session
/// timeline as contiguous chains. Within a segment, sample k ends at anchor + (sum of the lengths of
/// samples 1..k), with anchor = min over the segment's samples of (arrival time - cumulative length).
/// </summary>
/// <remarks>
/// <para>Why: a sample cannot arrive before it ends, so every (arrival - cumulative length) is an upper
/// bound of the true anchor; the smallest one is the tightest. Pipe buffering or a late reader only delays
/// arrivals, so it never moves samples earlier than the truth; a burst of samples delivered at once is
/// placed by its last (least delayed) member. When a later sample gives a smaller anchor, the segment's
/// earlier samples are moved earlier with it. Lengths come from the meter's own clock; on macOS that is the
/// same monotonic clock the session uses, so chains do not drift.</para>
/// <para>A corrupt document, or a process that died or restarted, breaks the chain (<see cref="Break"/>):
/// the next sample starts a new segment, and the time between segments is an uncovered gap of unknown
/// length; no energy is invented for it. A segment never starts before the previous one ends, nor before
/// the lower bound given to <see cref="Break"/> (e.g. the time the process was started).</para>
/// </remarks>
public sealed class SampleChainPlacer
{
    private readonly SampleTimeline _timeline;
    private double _notBeforeS;
    private bool _newSegment = true;
    private int _segmentFirstIndex;
    private double _segmentLowerBoundS;
    private double _anchorS;
    private double _cumulativeS;

    /// <param name="timeline">Where placed samples go.</param>
    /// <param name="notBeforeS">No sample starts before this (e.g. when the meter process was started).</param>
    public SampleChainPlacer(SampleTimeline timeline, double notBeforeS = double.NegativeInfinity)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        _timeline = timeline;
        _notBeforeS = notBeforeS;
    }

    /// <summary>Number of segments started so far.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>The next sample starts a new segment, not before <paramref name="notBeforeS"/> nor the last sample's end.</summary>
    public void Break(double notBeforeS = double.NegativeInfinity)
    {
        _newSegment = true;
        _notBeforeS = Math.Max(_notBeforeS, notBeforeS);
    }

    /// <summary>Places one sample of length <paramref name="durationS"/> that arrived at <paramref name="arrivalS"/>, carrying <paramref name="thermalPressure"/> when the meter gave one.</summary>
    public MeterSample Place(double durationS, double arrivalS, IReadOnlyDictionary<string, double> energyJ, string? thermalPressure = null)
    {
        if (!(durationS > 0) || !double.IsFinite(durationS))
            throw new ArgumentOutOfRangeException(nameof(durationS), "a sample's length must be positive and finite");

        if (_newSegment)
        {
            _newSegment = false;
            SegmentCount++;
            _segmentFirstIndex = _timeline.Count;
            _segmentLowerBoundS = Math.Max(_notBeforeS, _timeline.LastEndS ?? double.NegativeInfinity);
            _cumulativeS = durationS;
            _anchorS = Math.Max(arrivalS - durationS, _segmentLowerBoundS);
            return _timeline.Add(new MeterSample(_anchorS, _anchorS + durationS, energyJ) { ThermalPressure = thermalPressure });
        }

        _cumulativeS += durationS;
        var anchor = Math.Max(Math.Min(_anchorS, arrivalS - _cumulativeS), _segmentLowerBoundS);
        if (anchor < _anchorS)
        {
            _timeline.ShiftFrom(_segmentFirstIndex, anchor - _anchorS);
            _anchorS = anchor;
        }

        // Start exactly where the previous sample ends, so the chain has no floating-point seams.
        var start = _timeline.LastEndS ?? _anchorS;
        return _timeline.Add(new MeterSample(start, _anchorS + _cumulativeS, energyJ) { ThermalPressure = thermalPressure });
    }
}

using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Turns parsed plist documents into timeline samples: mJ to J, placement by <see cref="SampleChainPlacer"/>,
/// and a recorded gap (with its reason) for every corrupt document. Fed by one reader; read from any thread.
/// </summary>
internal sealed class PowermetricsIntake
{
    private readonly Lock _gate = new();
    private readonly List<MeterGap> _gaps = [];
    private readonly SampleChainPlacer _placer;
    private readonly double _startedAtS;
    private bool _sawDram;
    private int _fromPowerCount;

    /// <param name="timeline">Where samples go; its total is CPU + GPU + ANE.</param>
    /// <param name="startedAtS">When the process was started: no sample is placed before it.</param>
    public PowermetricsIntake(SampleTimeline timeline, double startedAtS)
    {
        Timeline = timeline;
        _startedAtS = startedAtS;
        _placer = new SampleChainPlacer(timeline, startedAtS);
    }

    public SampleTimeline Timeline { get; }

    public bool SawDram
    {
        get { lock (_gate) return _sawDram; }
    }

    /// <summary>Samples whose energy was computed from power because an *_energy key was missing.</summary>
    public int FromPowerCount
    {
        get { lock (_gate) return _fromPowerCount; }
    }

    /// <summary>Places the documents of one read, all arrived at <paramref name="arrivalS"/>.</summary>
    public void Accept(IReadOnlyList<PlistDocumentResult> documents, double arrivalS)
    {
        foreach (var document in documents)
        {
            if (document.Sample is not { } sample)
            {
                Break($"corrupt plist document ({document.Error})");
                continue;
            }

            var energyJ = sample.EnergyMj.ToDictionary(e => e.Key, e => e.Value / 1000.0, StringComparer.Ordinal);
            MeterSample placed;
            try
            {
                placed = _placer.Place(sample.ElapsedS, arrivalS, energyJ);
            }
            catch (ArgumentException e)
            {
                Break($"unplaceable sample ({e.Message})");
                continue;
            }

            lock (_gate)
            {
                _sawDram |= sample.EnergyMj.ContainsKey(Domains.Dram);
                _fromPowerCount += sample.EnergyFromPower.Count > 0 ? 1 : 0;
                for (var i = 0; i < _gaps.Count; i++)
                {
                    if (_gaps[i].ToS is null)
                        _gaps[i] = _gaps[i] with { ToS = placed.StartS };
                }
            }
        }
    }

    /// <summary>"gap from X s to Y s after a ..." for each gap that overlaps the window.</summary>
    public IReadOnlyList<string> DescribeGaps(double startS, double endS)
    {
        lock (_gate)
        {
            return [.. _gaps.Where(g => g.Overlaps(startS, endS)).Select(g => string.Create(
                CultureInfo.InvariantCulture,
                $"gap from {g.FromS:0.000} s to {(g.ToS is { } t ? t.ToString("0.000 's'", CultureInfo.InvariantCulture) : "no later sample")} after a {g.Reason}"))];
        }
    }

    private void Break(string reason)
    {
        _placer.Break();
        lock (_gate)
            _gaps.Add(new MeterGap(Timeline.LastEndS ?? _startedAtS, null, reason));
    }
}

using System.Globalization;

namespace SlmEnergyBench.Harness.Metering;

/// <summary>
/// Turns parsed plist documents into timeline samples: energies in joules with the total of the stream's
/// <see cref="PowermetricsTotalRule"/> (decided by its first sample), placement by <see cref="SampleChainPlacer"/>,
/// and a recorded gap (with its reason) for every corrupt document. A stream whose first sample can give no
/// total is refused (<see cref="Refusal"/>) and none of its samples is placed. Fed by one reader; read from any thread.
/// </summary>
internal sealed class PowermetricsIntake
{
    private readonly Lock _gate = new();
    private readonly List<MeterGap> _gaps = [];
    private readonly SampleChainPlacer _placer;
    private readonly double _startedAtS;
    private readonly Func<PowermetricsSample, string> _refuse;
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<PowermetricsKey> _keys = [];
    private PowermetricsTotalRule? _rule;
    private string? _refusal;
    private int _fromPowerCount;

    /// <param name="timeline">Where samples go; it adds no total of its own (samples arrive with theirs).</param>
    /// <param name="startedAtS">When the process was started: no sample is placed before it.</param>
    /// <param name="refuse">The message for a first sample that can give no total (see <see cref="PowermetricsTotalRule.Refusal"/>).</param>
    public PowermetricsIntake(SampleTimeline timeline, double startedAtS, Func<PowermetricsSample, string> refuse)
    {
        Timeline = timeline;
        _startedAtS = startedAtS;
        _refuse = refuse;
        _placer = new SampleChainPlacer(timeline, startedAtS);
    }

    public SampleTimeline Timeline { get; }

    /// <summary>The total's rule, once the first sample has decided it.</summary>
    public PowermetricsTotalRule? Rule
    {
        get { lock (_gate) return _rule; }
    }

    /// <summary>Why the stream is refused (its first sample can give no total); null while it is not.</summary>
    public string? Refusal
    {
        get { lock (_gate) return _refusal; }
    }

    /// <summary>The domains samples have carried so far, in <see cref="PowermetricsKey.DomainOrder"/>, then <see cref="Domains.Total"/> when a total was formed.</summary>
    public IReadOnlyList<string> DomainsSeen
    {
        get
        {
            lock (_gate)
            {
                return [.. PowermetricsKey.DomainOrder.Where(_domains.Contains),
                    .. _domains.Contains(Domains.Total) ? [Domains.Total] : Array.Empty<string>()];
            }
        }
    }

    /// <summary>Every key an energy was read from so far, in <see cref="PowermetricsKey.All"/> order.</summary>
    public IReadOnlyList<PowermetricsKey> KeysRead
    {
        get { lock (_gate) return [.. PowermetricsKey.All.Where(_keys.Contains)]; }
    }

    /// <summary>Samples whose energy was computed from power because an energy key was missing.</summary>
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

            if (RuleFor(sample) is not { } rule)
                return;
            MeterSample placed;
            try
            {
                placed = _placer.Place(sample.ElapsedS, arrivalS, rule.WithTotal(sample.EnergyJ), sample.ThermalPressure);
            }
            catch (ArgumentException e)
            {
                Break($"unplaceable sample ({e.Message})");
                continue;
            }

            lock (_gate)
            {
                _domains.UnionWith(placed.EnergyJ.Keys);
                _keys.UnionWith(sample.KeysRead.Values);
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

    /// <summary>The stream's rule, decided by its first sample; null (and the stream refused) when that sample gives no total.</summary>
    private PowermetricsTotalRule? RuleFor(PowermetricsSample sample)
    {
        lock (_gate)
        {
            if (_rule is null && _refusal is null)
            {
                _rule = PowermetricsTotalRule.For(sample);
                if (_rule is null)
                    _refusal = _refuse(sample);
            }

            return _rule;
        }
    }

    private void Break(string reason)
    {
        _placer.Break();
        lock (_gate)
            _gaps.Add(new MeterGap(Timeline.LastEndS ?? _startedAtS, null, reason));
    }
}

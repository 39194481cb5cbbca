using System.Globalization;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// What a run holds at any moment, for the <c>run.json</c> rewritten after every case: the last record of each case
/// (kept ones of earlier segments included), counts, the last case, idle measurements of every segment, the backend's
/// answers and failures, warnings, and the segments. Thread-safe: a watchdog or signal handler may snapshot it while a
/// case is being recorded.
/// </summary>
internal sealed class RunState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CaseKey, CaseRecord> _final = [];
    private readonly HashSet<CaseKey> _kept = [];
    private readonly List<IdleMeasurement> _idle = [];
    private readonly List<IdleMeasurement> _segmentIdle = [];
    private readonly List<RunSegment> _earlier;
    private readonly List<string> _warnings;
    private readonly RunManifest _start;
    private RunSegment _segment;
    private int _requests;
    private int _backendFailures;
    private string? _firstBackendFailure;
    private string? _lastCase;

    /// <param name="start">The run.json written when this segment opened (configuration, machine, meter, prompts).</param>
    /// <param name="prior">The interrupted run this segment continues, or null for a new run.</param>
    /// <param name="segment">This segment.</param>
    public RunState(RunManifest start, PriorRun? prior, RunSegment segment)
    {
        _start = start;
        _segment = segment;
        _earlier = [.. prior?.Manifest.Segments ?? []];
        if (prior is not null && _earlier.Count == 0)
        {
            // A run written before segments existed: its whole first part is segment 1.
            _earlier.Add(new RunSegment(1, prior.Manifest.StartedUtc, 0, 0, prior.Manifest.Status) { EndedUtc = prior.Manifest.EndedUtc, Idle = prior.Manifest.Idle });
        }

        if (_earlier.Count > 0 && _earlier[^1].Status == "running")
            _earlier[^1] = _earlier[^1] with { Status = "interrupted: its process ended without saying why (killed, crashed, or the machine slept or lost power)" };
        _idle.AddRange(prior?.Manifest.Idle ?? []);
        _warnings = [.. prior?.Manifest.Warnings ?? []];
        foreach (var (key, record) in prior?.Kept ?? new Dictionary<CaseKey, CaseRecord>())
        {
            _final[key] = record;
            _kept.Add(key);
        }
    }

    /// <summary>This segment's number (1 for a new run).</summary>
    public int Segment => _segment.Number;

    /// <summary>The earlier segments' idle measurements (empty for a new run).</summary>
    public IReadOnlyList<IdleMeasurement> EarlierIdle
    {
        get
        {
            lock (_gate)
                return [.. _earlier.SelectMany(s => s.Idle)];
        }
    }

    /// <summary>The record kept from an earlier segment for <paramref name="key"/>, or null when the case must be measured.</summary>
    public CaseRecord? KeptRecord(CaseKey key)
    {
        lock (_gate)
            return _kept.Contains(key) ? _final[key] : null;
    }

    /// <summary>Cases measured in this segment.</summary>
    public int MeasuredThisSegment { get; private set; }

    /// <summary>Cases with a final record (kept or measured).</summary>
    public int Done
    {
        get
        {
            lock (_gate)
                return _final.Count;
        }
    }

    public int Failed
    {
        get
        {
            lock (_gate)
                return _final.Values.Count(r => r.Outcome != "passed");
        }
    }

    /// <summary>The final record of each case, in the order first recorded (kept ones first).</summary>
    public IReadOnlyList<CaseRecord> Records
    {
        get
        {
            lock (_gate)
                return [.. _final.Values];
        }
    }

    /// <summary>Records a case measured in this segment (a later record of the same case replaces an earlier one).</summary>
    public void Add(CaseRecord record)
    {
        lock (_gate)
        {
            var key = CaseKey.Of(record);
            _final[key] = record;
            _kept.Remove(key);
            MeasuredThisSegment++;
            _lastCase = string.Create(CultureInfo.InvariantCulture, $"{key}: {record.Outcome}");
        }
    }

    public void AddIdle(IdleMeasurement idle)
    {
        lock (_gate)
        {
            _idle.Add(idle);
            _segmentIdle.Add(idle);
        }
    }

    public void Warn(string warning)
    {
        lock (_gate)
            _warnings.Add(warning);
    }

    /// <summary>A request to the backend was answered.</summary>
    public void BackendAnswered()
    {
        lock (_gate)
            _requests++;
    }

    /// <summary>A request to the backend failed, during <paramref name="during"/> (a case or a warm-up), with <paramref name="message"/>.</summary>
    public void BackendFailed(string during, string message)
    {
        lock (_gate)
        {
            _requests++;
            _backendFailures++;
            _firstBackendFailure ??= $"{during}: {message}";
        }
    }

    /// <summary>
    /// run.json as it stands, with <paramref name="status"/> for the run and this segment; <paramref name="ended"/> stamps the end time.
    /// <paramref name="planned"/> is the plan's case count.
    /// </summary>
    public RunManifest Manifest(string status, bool ended, DateTimeOffset now, int planned, Func<RunManifest, RunManifest>? amend = null)
    {
        lock (_gate)
        {
            var passed = _final.Values.Count(r => r.Outcome == "passed");
            _segment = _segment with
            {
                Status = status,
                EndedUtc = ended ? now : null,
                CasesMeasured = MeasuredThisSegment,
                Idle = [.. _segmentIdle],
            };
            var manifest = _start with
            {
                Status = status,
                EndedUtc = ended ? now : null,
                UpdatedUtc = now,
                CasesPlanned = planned,
                CasesPassed = passed,
                CasesFailed = _final.Count - passed,
                LastCase = _lastCase ?? _start.LastCase,
                Idle = [.. _idle],
                Segments = [.. _earlier, _segment],
                Warnings = [.. _warnings],
                Backend = _start.Backend with { Availability = Availability() },
            };
            return amend is null ? manifest : amend(manifest);
        }
    }

    private string Availability() => _backendFailures == 0
        ? "available"
        : string.Create(CultureInfo.InvariantCulture,
            $"available at the start; {_backendFailures} of {_requests} requests failed during the run, the first at {_firstBackendFailure}");
}

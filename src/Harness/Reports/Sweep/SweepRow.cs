using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>
/// One unit of a sweep (runtime x model x point) as the Sweep section and its charts show it: the unit's summary (statistics of its
/// passed cases; an overlapping point's cases carry their attributed share of the point's window, so its J/response and J/token are
/// attributed figures) and the point's records (<c>points.jsonl</c>, one per repetition) for the steady state and the attribution's check.
/// Figures over several repetitions are ratios of their totals (Σ J / Σ tokens, Σ tokens / Σ s).
/// </summary>
/// <param name="Unit">The unit's label (<see cref="Runtimes.RunUnit.Label"/>).</param>
/// <param name="Series">The runtime x model the point belongs to (<c>runtime / model</c> or <c>model</c>).</param>
/// <param name="SeriesIndex">The runtime x model's index in the run's order (its colour in the charts).</param>
/// <param name="Point">The point's settings and load.</param>
/// <param name="InProcess">True when the runtime is the in-process engine (the point's load is a batch size, not a concurrency).</param>
/// <param name="Summary">The unit's summary; null when none of its cases was read.</param>
/// <param name="MeanOutputTokens">Mean completion tokens over the passed cases that counted them; null when none did.</param>
/// <param name="OutputTokens">Σ completion tokens over the passed cases.</param>
/// <param name="WallSeconds">Σ wall seconds (E2E latency) over the passed cases.</param>
/// <param name="Records">The point's records, one per repetition; empty for a point of one request at a time.</param>
internal sealed record SweepRow(
    string Unit,
    string Series,
    int SeriesIndex,
    SweepPoint Point,
    bool InProcess,
    ModelSummary? Summary,
    double? MeanOutputTokens,
    double OutputTokens,
    double WallSeconds,
    IReadOnlyList<PointRecord> Records)
{
    private IEnumerable<SteadyState> Reached => Records.Select(r => r.SteadyState).OfType<SteadyState>().Where(s => s is { Reached: true, Tokens: > 0 });

    /// <summary>True when at least one repetition reached a steady state with tokens in it.</summary>
    public bool SteadyReached => Reached.Any();

    /// <summary>Σ length of the reached steady-state intervals, s; null when none was reached.</summary>
    public double? SteadyDurationS => SteadyReached ? Reached.Sum(s => s.DurationS) : null;

    /// <summary>Steady-state gross J/token of <paramref name="domain"/> (Σ J / Σ tokens over the reached intervals); null when not reached or a domain is missing.</summary>
    public double? SteadyJoulesPerToken(string domain = Domains.Total) => PerToken(s => s.Joules, domain);

    /// <summary>Steady-state J/token net of idle (total domain); null when not reached or idle was not measured.</summary>
    public double? SteadyNetJoulesPerToken => PerToken(s => s.NetJoules, Domains.Total);

    /// <summary>Steady-state throughput of all slots together, Σ tokens / Σ s over the reached intervals; null when not reached.</summary>
    public double? SteadyTokensPerSecond => SteadyDurationS is > 0 and var s ? Reached.Sum(x => x.Tokens!.Value) / s : null;

    /// <summary>
    /// Throughput of the whole point, tokens/s: over the records' windows (ramp-up and drain included) for an overlapping point, else
    /// Σ output tokens / Σ wall seconds of the passed cases (one request at a time, so their windows do not overlap); null without either.
    /// </summary>
    public double? WindowTokensPerSecond
    {
        get
        {
            var windows = Records.Where(r => r.Window is not null).ToArray();
            if (windows.Length > 0)
            {
                var seconds = windows.Sum(r => r.Window!.DurationS);
                return seconds > 0 ? windows.Sum(r => (double)r.CompletionTokens) / seconds : null;
            }

            return Records.Count == 0 && WallSeconds > 0 && OutputTokens > 0 ? OutputTokens / WallSeconds : null;
        }
    }

    /// <summary>Why no steady state was reached (the records' reasons, distinct, joined with "; "); null when reached or not overlapping.</summary>
    public string? NotReachedReason =>
        SteadyReached || !Point.Overlaps ? null
        : Records.Count == 0 ? "not measured: no record of the point in points.jsonl"
        : string.Join("; ", Records.Select(r => r.SteadyState is { } s ? s.Reason ?? "not reached" : "not measured").Distinct(StringComparer.Ordinal));

    /// <summary>The mark of the steady-state and window figures (<c>~</c> when a record's energy is estimated).</summary>
    public string PointMark =>
        Records.Select(r => r.Provenance?.Method).OfType<EnergyMethod>().ToArray() is { Length: > 0 } methods
            ? EnergyMethodText.Mark(EnergyMethodText.Combine(methods))
            : Summary?.Mark ?? "";

    /// <summary>
    /// The attribution's check over the records with both figures: Σ attributed total J and Σ the windows' total J; null when no
    /// record has both.
    /// </summary>
    public (double Attributed, double Window)? AttributionCheck
    {
        get
        {
            var both = Records
                .Select(r => (r.AttributedJoules, Window: r.Window?.Domains.GetValueOrDefault(Domains.Total)?.Joules))
                .Where(x => x.AttributedJoules is not null && x.Window is not null)
                .ToArray();
            return both.Length == 0 ? null : (both.Sum(x => x.AttributedJoules!.Value), both.Sum(x => x.Window!.Value));
        }
    }

    private double? PerToken(Func<SteadyState, IReadOnlyDictionary<string, double>?> joules, string domain)
    {
        var reached = Reached.ToArray();
        if (reached.Length == 0 || reached.Any(s => joules(s)?.ContainsKey(domain) != true))
            return null;
        return reached.Sum(s => joules(s)![domain]) / reached.Sum(s => s.Tokens!.Value);
    }
}

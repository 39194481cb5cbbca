using System.Globalization;
using System.Text.Json;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Reports;
using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Fakes.Prometheus;

/// <summary>
/// One case of a <c>fake-prometheus</c> run checked against the fake exporter's counters: its GPU energy as the meter measured it, and the
/// same window's energy computed here, independently of the meter's code, from the exporter's truth log (every scrape it served, with the
/// instant its counters were computed, which Prometheus keeps as the sample's timestamp) by the rule README states: consecutive scrapes
/// make one interval whose energy is the counter's increase, or the new value after a drop (Prometheus's reset rule); a window takes
/// the whole intervals inside it, and of an interval straddling an edge the energy less the idle power over the part outside
/// (idle-attributed, clamped to [0, the interval's energy]), or pro rata where no idle power was measured.
/// </summary>
/// <param name="Label">The case, e.g. <c>model, prompt 3</c>.</param>
/// <param name="MeasuredJ">The case record's <c>gpu</c> joules.</param>
/// <param name="ExpectedJ">The same window from the exporter's counters by the rule, J.</param>
/// <param name="Scrapes">Scrapes inside the window.</param>
/// <param name="Notes">A reset or a missed scrape inside or at the edges of the window, or why nothing was computed.</param>
public sealed record FakeExporterCheck(string Label, double? MeasuredJ, double? ExpectedJ, int Scrapes, string Notes)
{
    /// <summary>
    /// The bound on |measured - expected| / expected: 0.1%. The meter corrects for Prometheus's clock offset, measured to within a
    /// millisecond on loopback; a millisecond at the fakes' power step is well under it.
    /// </summary>
    public const double Tolerance = 0.001;

    /// <summary>The DCGM series the <c>fake-prometheus</c> profile selects (<c>gpu="0"</c>), as the exporter keys it; mJ.</summary>
    public const string Series = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\"}";

    /// <summary>(measured - expected) / expected; null unless both are known and expected is above 0.</summary>
    public double? Error => MeasuredJ is { } m && ExpectedJ is { } e && e > 0 ? (m - e) / e : null;

    /// <summary>Whether the case is within <see cref="Tolerance"/>.</summary>
    public bool Within => Error is { } error && Math.Abs(error) <= Tolerance;

    /// <summary>Every passed case of the run in <paramref name="runFolder"/> against its <see cref="FakePrometheusStack.TruthLogName"/>.</summary>
    /// <exception cref="FileNotFoundException">The run has no exporter truth log (not a <c>fake-prometheus</c> run).</exception>
    public static IReadOnlyList<FakeExporterCheck> Of(string runFolder)
    {
        var run = RunDataReader.Read(runFolder);
        var scrapes = Read(runFolder);
        var originUnixS = (run.Manifest.StartedUtc - DateTimeOffset.UnixEpoch).TotalSeconds;
        return [.. run.Cases.Where(c => c.Outcome == "passed" && c.Energy is not null).Select(c => Check(c, scrapes, originUnixS))];
    }

    /// <summary>
    /// One line on the exporter's truth log of the run in <paramref name="runFolder"/>: scrapes served and missed, and where the counter
    /// of <see cref="Series"/> dropped (a reset), on the session timeline.
    /// </summary>
    public static string Describe(string runFolder)
    {
        var run = RunDataReader.Read(runFolder);
        var originUnixS = (run.Manifest.StartedUtc - DateTimeOffset.UnixEpoch).TotalSeconds;
        var log = Read(runFolder);
        var served = log.Where(s => s.Missed is null && s.Values.ContainsKey(Series)).OrderBy(s => s.ServedUnixS).ToList();
        var missed = log.Where(s => s.Missed is not null).Select(s => s.ServedUnixS - originUnixS).ToList();
        var resets = served.Skip(1).Where((s, i) => s.Values[Series] < served[i].Values[Series]).Select(s => s.ServedUnixS - originUnixS).ToList();
        return Invariant($"Fake exporter: {served.Count} scrapes served, {missed.Count} missed") +
               (missed.Count == 0 ? "" : Invariant($" (from {missed.Min():0.000} to {missed.Max():0.000} s)")) +
               Invariant($", {resets.Count} counter reset(s)") +
               (resets.Count == 0 ? "" : " (first scrape after it at " + string.Join(", ", resets.Select(r => Invariant($"{r:0.000} s"))) + ")") +
               $"; series {Series} (mJ), times on the run's timeline.";
    }

    /// <summary>One case against <paramref name="log"/>; <paramref name="originUnixS"/> is the session timeline's zero (run.json's startedUtc).</summary>
    public static FakeExporterCheck Check(CaseRecord record, IReadOnlyList<ExporterScrape> log, double originUnixS)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(log);
        var label = $"{record.Unit}, prompt {record.PromptOrdinal + 1}";
        var window = record.Energy!.Window;
        double? measured = window.Domains.TryGetValue(Domains.Gpu, out var gpu) ? gpu.Joules : null;
        var (a, b) = (originUnixS + window.StartS, originUnixS + window.EndS);
        var served = log.Where(s => s.Missed is null && s.Values.ContainsKey(Series)).OrderBy(s => s.ServedUnixS).ToList();
        double? idleW = window.EdgeRule == EdgeRules.IdleAttributed && record.Energy.Idle?.PowerW.TryGetValue(Domains.Gpu, out var w) == true ? w : null;
        if (window.EdgeRule == EdgeRules.IdleAttributed && idleW is null)
            return new FakeExporterCheck(label, measured, null, 0, "idle-attributed edges but no idle gpu power in the record");

        var expected = 0.0;
        var notes = new List<string>();
        for (var k = 0; k + 1 < served.Count; k++)
        {
            var (t0, t1) = (served[k].ServedUnixS, served[k + 1].ServedUnixS);
            var overlap = Math.Min(b, t1) - Math.Max(a, t0);
            if (overlap <= 0)
                continue;
            var (v0, v1) = (served[k].Values[Series], served[k + 1].Values[Series]);
            var intervalJ = (v1 >= v0 ? v1 - v0 : v1) / 1000.0;
            if (v1 < v0)
                notes.Add(Invariant($"counter reset between scrapes at {t0 - originUnixS:0.000} and {t1 - originUnixS:0.000} s"));
            if (log.Any(s => s.Missed is not null && s.ServedUnixS > t0 && s.ServedUnixS < t1))
                notes.Add(Invariant($"missed scrape(s) between {t0 - originUnixS:0.000} and {t1 - originUnixS:0.000} s"));
            var length = t1 - t0;
            expected += overlap >= length ? intervalJ
                : idleW is { } idle ? Math.Clamp(intervalJ - (idle * (length - overlap)), 0, intervalJ)
                : intervalJ * overlap / length;
        }

        var inside = served.Count(s => s.ServedUnixS >= a && s.ServedUnixS <= b);
        return new FakeExporterCheck(label, measured, expected, inside, string.Join("; ", notes));
    }

    /// <summary>E.g. <c>m, prompt 2: meter 612.345 J, exporter's counters by the rule 612.345 J (+0.0001%), 3 scrapes inside</c>.</summary>
    public override string ToString() =>
        Invariant($"{Label}: meter {Format(MeasuredJ)}, exporter's counters by the rule {Format(ExpectedJ)}") +
        (Error is { } e ? Invariant($" ({(e < 0 ? '-' : '+')}{Math.Abs(e) * 100:0.0000}%)") : "") +
        Invariant($", {Scrapes} scrape(s) inside") + (Notes.Length == 0 ? "" : $"; {Notes}") +
        (Within ? "" : Invariant($" OUTSIDE {Tolerance * 100:0.#}%"));

    private static List<ExporterScrape> Read(string runFolder) =>
        [.. File.ReadLines(Path.Combine(runFolder, FakePrometheusStack.TruthLogName)).Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<ExporterScrape>(l, LogJson)!)];

    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web);

    private static string Format(double? joules) => joules is { } j ? Invariant($"{j:0.000} J") : "none";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

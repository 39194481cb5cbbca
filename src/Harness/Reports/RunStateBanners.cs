using System.Globalization;
using SlmEnergyBench.Harness.Lifetime;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Resume;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// The banners that say, before any figure, that a run is not one whole uninterrupted run: interrupted (killed, crashed,
/// its runner died, a signal), cancelled, still going, partly failed, partly run, or resumed in several segments; with the
/// cases that never ran, the failed ones, the segments, the warnings given while it ran and how to resume it.
/// </summary>
internal static class RunStateBanners
{
    public const string Interrupted = "interrupted";
    public const string Failures = "failures";
    public const string Resumed = "resumed";
    public const string Warnings = "warnings";

    /// <summary>How many cases each banner lists by name before it says "and N more".</summary>
    private const int Listed = 12;

    /// <summary>
    /// The run's status as a reader should see it: <c>run.json</c>'s, except that a run that still says <c>running</c> but whose
    /// process is gone (SIGKILL, a crash, a power loss) is <c>interrupted</c>.
    /// </summary>
    public static string EffectiveStatus(RunManifest m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Status != "running")
            return m.Status;
        var pid = m.Segments.LastOrDefault()?.ProcessId ?? 0;
        return pid > 0 && ProcessTable.IsAlive(pid)
            ? string.Create(CultureInfo.InvariantCulture, $"running (process {pid} is still measuring)")
            : "interrupted: its process ended without saying why (killed, crashed, or the machine slept or lost power)";
    }

    public static IReadOnlyList<ReportBanner> Of(RunData run)
    {
        var m = run.Manifest;
        var banners = new List<ReportBanner>();
        var status = EffectiveStatus(m);
        var planned = m.CasesPlanned > 0 ? CasePlan.Of(m.Configuration) : [];
        var recorded = run.Cases.Select(CaseKey.Of).ToHashSet();
        var neverRan = planned.Select(p => new CaseKey(p.Unit, p.Prompt - 1, p.Run)).Where(k => !recorded.Contains(k)).ToList();
        var resume = $"Resume it with ENERGYBENCH_RESUME={m.RunId} dotnet test --filter Category=Energy, or slmbench run --resume {m.RunId}: the finished cases are kept, the others measured";
        var stopped = status.StartsWith("interrupted", StringComparison.Ordinal) || status.StartsWith("cancelled", StringComparison.Ordinal)
                      || status.StartsWith("running", StringComparison.Ordinal) || status.StartsWith("failed", StringComparison.Ordinal);
        if (stopped)
        {
            var word = status.StartsWith("running", StringComparison.Ordinal) ? "STILL RUNNING" : status.Split(':')[0].ToUpperInvariant();
            var details = new List<string> { $"Status: {status}" };
            if (m.LastCase is { } last)
                details.Add($"Last case recorded: {last}");
            if (neverRan.Count > 0)
                details.Add($"{Count(neverRan.Count, "case")} never ran: {List(neverRan)}");
            if (!status.StartsWith("running", StringComparison.Ordinal))
                details.Add(resume);
            banners.Add(new ReportBanner(Interrupted,
                $"This run is {word}: {run.Cases.Count} of {(m.CasesPlanned > 0 ? m.CasesPlanned : run.Cases.Count)} cases have a record; its figures cover those cases only.", details));
        }
        else if (neverRan.Count > 0)
        {
            banners.Add(new ReportBanner(Interrupted, $"This run is PARTIAL: {Count(neverRan.Count, "planned case")} never ran; its figures cover the {run.Cases.Count} that did.",
                [$"Never ran: {List(neverRan)}", "A test filter chose the others, or the run stopped before them. " + resume]));
        }

        var failed = run.Cases.Where(c => c.Outcome != "passed").ToList();
        if (failed.Count > 0)
        {
            // The cases and their problems are listed under "Failed cases" (cut to a readable length there); the banner counts.
            var details = new List<string> { "Each failed case and its problem are under Failed cases below and in cases.csv" };
            if (!m.Backend.Availability.Equals("available", StringComparison.Ordinal))
                details.Add($"Backend: {m.Backend.Availability}");
            banners.Add(new ReportBanner(Failures, $"{Count(failed.Count, "case")} of {run.Cases.Count} FAILED and are left out of every figure.", details));
        }

        if (m.Segments.Count > 1)
        {
            var details = m.Segments.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"Segment {s.Number}: started {s.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC (t = {s.StartS:0.0} s), {s.CasesMeasured} cases measured, {s.Status}")).ToList();
            if (run.Superseded > 0)
                details.Add($"{Count(run.Superseded, "earlier record")} of failed or cancelled cases were replaced by the case's new measurement");
            details.Add("The segments' cases are summarised together as one run; each case record names its segment, each segment measured its own idle power");
            banners.Add(new ReportBanner(Resumed, $"This run was RESUMED: {m.Segments.Count} segments, each with its own meter session.", details));
        }

        if (m.Warnings.Count > 0)
            banners.Add(new ReportBanner(Warnings, $"{Count(m.Warnings.Count, "warning")} while the run went:", m.Warnings));
        return banners;
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string List(IReadOnlyList<CaseKey> keys) =>
        string.Join("; ", keys.Take(Listed)) + (keys.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $"; and {keys.Count - Listed} more") : "");
}

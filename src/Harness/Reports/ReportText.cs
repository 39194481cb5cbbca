using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The sentences both reports share, so the HTML and the Markdown report never tell a run differently.</summary>
internal static class ReportText
{
    public const string EstimatedBanner = "Energy figures in this report are ESTIMATED by a model, not measured by a counter.";

    /// <summary>How long a warning may be in a report before it is cut.</summary>
    public const int WarningLength = 300;

    public const string FakeBanner =
        "This run used a fake backend: the numbers come from simulated servers and are for checking the tool, not for comparison with anything.";

    public const string LikeWithLike =
        "Compare like with like: this run's J/token with published J/token, its J/response with published J/response. " +
        "Batch size dominates J/token: a server answering 64 requests at once spreads its power over 64 streams of tokens, " +
        "so figures at different batch sizes differ for that reason alone, whatever the model or the hardware. " +
        "The paper (From Words to Watts) measured GPU energy only, on datacenter GPUs (V100, A100) at batch 64; ";

    public const string SeedIntro =
        "This run was imported from the seed study: its records analysed the study's way and this project's way, then each change of method on its own.";

    public const string SeedInferredTimes =
        "The study recorded no sample timestamps, so each response's samples are taken as evenly spread over its measured duration: " +
        "the sample times were inferred, not measured.";

    /// <summary>True when the backend is a simulation (its name says <c>fake</c>).</summary>
    public static bool IsFake(RunData run) => run.Manifest.Backend.Name.Contains("fake", StringComparison.OrdinalIgnoreCase);

    /// <summary>The power model behind the estimates, e.g. "P(u) = IdleW + (TdpW - IdleW) x u with IdleW = 8.5, TdpW = 85"; null when none is recorded.</summary>
    public static string? EstimateModel(RunData run)
    {
        var model = run.Manifest.Meter.Model
                    ?? run.Cases.Select(c => c.Energy?.Provenance.Model).FirstOrDefault(m => m is not null);
        if (model is null)
            return null;
        var parameters = model.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} = {p.Value.ToString("R", CultureInfo.InvariantCulture)}");
        return model.Parameters.Count == 0 ? model.Formula : $"{model.Formula} with {string.Join(", ", parameters)}";
    }

    /// <summary>
    /// The estimator as the provenance names it, e.g. "cpu-model (CPU utilisation from /proc/stat)", from run.json's meter
    /// when it is the estimating one, else from the first estimated case; null when no provenance says estimated.
    /// </summary>
    public static string? Estimator(RunData run)
    {
        var provenance = run.Manifest.Meter.Method == EnergyMethod.Estimated
            ? run.Manifest.Meter
            : run.Cases.Select(c => c.Energy?.Provenance).FirstOrDefault(p => p?.Method == EnergyMethod.Estimated);
        return provenance is null ? null
            : string.IsNullOrWhiteSpace(provenance.Source) ? provenance.Meter
            : $"{provenance.Meter} ({provenance.Source})";
    }

    /// <summary>What follows <see cref="EstimatedBanner"/>: " Estimator: ... Model: ...", each part only when recorded.</summary>
    public static string EstimateDetail(RunData run)
    {
        var detail = new System.Text.StringBuilder();
        if (Estimator(run) is { } estimator)
            detail.Append(" Estimator: ").Append(estimator.TrimEnd('.')).Append('.');
        if (EstimateModel(run) is { } model)
            detail.Append(" Model: ").Append(model).Append('.');
        return detail.ToString();
    }

    /// <summary>The banners a reader must see first, in order: estimated energy, then fake backend.</summary>
    public static IReadOnlyList<string> Banners(RunData run)
    {
        var banners = new List<string>();
        if (run.IsEstimated || EstimatedCases(run) > 0)
            banners.Add(EstimatedBanner + EstimateDetail(run));
        if (IsFake(run))
            banners.Add(FakeBanner);
        return banners;
    }

    public static string Method(EnergyMethod method) => method == EnergyMethod.Estimated ? "ESTIMATED" : "measured";

    /// <summary>The domains whose energy the meter reports, without the total: "cpu + gpu + ane".</summary>
    public static string Components(EnergyProvenance meter) =>
        string.Join(" + ", meter.Domains.Where(d => d != Domains.Total));

    /// <summary>What this run's comparison covers, to end <see cref="LikeWithLike"/>.</summary>
    public static string ThisRunScope(RunData run) =>
        $"this run is batch 1 and covers the {run.Manifest.Meter.Meter} meter's domains ({Components(run.Manifest.Meter)}), " +
        $"its energy {RunMethod(run)}, on {ComparedHardware(run)}.";

    /// <summary>How many cases carry an energy figure whose provenance says estimated.</summary>
    public static int EstimatedCases(RunData run) => run.Cases.Count(c => c.Energy?.Provenance.Method == EnergyMethod.Estimated);

    /// <summary>
    /// The run's method in a few words: "measured", "ESTIMATED by a model, not measured", or, for a run whose meter
    /// measured but some of whose cases were estimated, "measured, but 3 cases' energy is ESTIMATED".
    /// </summary>
    public static string RunMethod(RunData run)
    {
        if (run.Manifest.Meter.Method == EnergyMethod.Estimated)
            return "ESTIMATED by a model, not measured";
        var estimated = EstimatedCases(run);
        return estimated switch
        {
            0 => "measured",
            1 => "measured, but 1 case's energy is ESTIMATED",
            _ => $"measured, but {estimated.ToString(CultureInfo.InvariantCulture)} cases' energy is ESTIMATED",
        };
    }

    /// <summary>
    /// The cases as counted from the records read (cases.jsonl), not from run.json's counters; when the two differ,
    /// both, so a reader sees that records are missing or unreadable. "no cases recorded" when there is none.
    /// </summary>
    public static string CaseCounts(RunData run)
    {
        var m = run.Manifest;
        var passed = run.Cases.Count(c => c.Outcome == "passed");
        var failed = run.Cases.Count - passed;
        var read = run.Cases.Count == 0 ? "no cases recorded" : $"{Integer(passed)} passed, {Integer(failed)} failed";
        if (passed == m.CasesPassed && failed == m.CasesFailed)
            return read;
        var records = run.Cases.Count switch
        {
            0 => "no readable record",
            1 => $"1 readable record: {read}",
            var n => $"{Integer(n)} readable records: {read}",
        };
        return $"{read} (run.json says {Integer(m.CasesPassed)} passed, {Integer(m.CasesFailed)} failed; {RunDataReader.CasesFile} holds {records})";
    }

    /// <summary>The sentence ending the summary: which energy figures are measured, which estimated, or that there are none.</summary>
    public static string EnergyNote(RunData run) =>
        !run.Cases.Any(c => c.Energy is not null) ? "no energy figure recorded"
        : run.IsEstimated || EstimatedCases(run) > 0 ? $"{EstimateMark} marks an ESTIMATED figure"
        : "all energy figures measured";

    /// <summary>Why the Charts section has no power-over-time chart, when the samples are the reason; null otherwise.</summary>
    public static string? NoPowerChart(RunData run, IReadOnlyList<Charts.RenderedChart> charts)
    {
        if (charts.Any(c => c.FileStem.StartsWith(Charts.PowerTimelineChart.StemPrefix, StringComparison.Ordinal)))
            return null;
        if (run.Samples.Count == 0)
            return $"No power-over-time chart: {RunDataReader.SamplesFile} holds no meter sample.";
        if (!run.Samples.Any(s => s.DurationS > 0 && s.EnergyJ.ContainsKey(Domains.Total)))
            return $"No power-over-time chart: no meter sample in {RunDataReader.SamplesFile} has a total energy over a positive duration.";
        return null;
    }

    /// <summary>The most warnings a report lists one by one; the rest are counted.</summary>
    public const int MaxWarnings = 20;

    /// <summary>The run's warnings as a report shows them: each cut to <see cref="WarningLength"/> characters, at most
    /// <see cref="MaxWarnings"/> of them, then how many more there are.</summary>
    public static IReadOnlyList<string> ShownWarnings(RunData run)
    {
        var shown = run.Warnings.Take(MaxWarnings).Select(w => Cut(w, WarningLength)).ToList();
        if (run.Warnings.Count > MaxWarnings)
            shown.Add($"... and {Integer(run.Warnings.Count - MaxWarnings)} more warnings.");
        return shown;
    }

    private static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Hardware(RunData run)
    {
        var m = run.Manifest.Machine;
        return $"{m.CpuModel ?? m.Architecture}, {m.Os}";
    }

    /// <summary>
    /// The hardware this run's figures stand for beside published ones: the machine's, except under a fake backend,
    /// whose figures are simulated and stand for no hardware at all.
    /// </summary>
    public static string ComparedHardware(RunData run) => IsFake(run) ? "fake backend (simulated)" : Hardware(run);

    /// <summary>One paragraph: meter, domains, method, source, notes, and why this meter and profile.</summary>
    public static IReadOnlyList<(string Label, string Value)> EnergyFacts(RunData run)
    {
        var meter = run.Manifest.Meter;
        var facts = new List<(string, string)>
        {
            ("Meter", meter.Meter),
            ("Domains", string.Join(", ", meter.Domains)),
            ("Method", RunMethod(run)),
            ("Source", meter.Source),
        };
        if (EstimateModel(run) is { } model)
            facts.Add(("Model", model));
        if (!string.IsNullOrWhiteSpace(meter.Notes))
            facts.Add(("Notes", meter.Notes));
        if (!string.IsNullOrWhiteSpace(run.Manifest.MeterChosenBy))
            facts.Add(("Meter chosen by", run.Manifest.MeterChosenBy));
        facts.Add(("Profile chosen by", run.Manifest.ProfileChosenBy));
        return facts;
    }
}

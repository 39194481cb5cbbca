using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>The sentences both reports share, so the HTML and the Markdown report never tell a run differently.</summary>
internal static class ReportText
{
    /// <summary>How long a warning may be in a report before it is cut.</summary>
    public const int WarningLength = 300;

    /// <summary>The banner of a fake backend, flagged apart from the energy's method (a fake backend may run beside a real meter).</summary>
    public const string FakeBanner =
        "This run used a fake backend: its responses, token counts and timings come from a simulated server and are for checking the tool, not for comparison with anything.";

    public const string LikeWithLike =
        "Compare like with like: this run's J/token with published J/token, its J/response with published J/response. " +
        "Batch size dominates J/token: a server answering 64 requests at once spreads its power over 64 streams of tokens, " +
        "so figures at different batch sizes differ for that reason alone, whatever the model or the hardware. " +
        "The paper (From Words to Watts) measured GPU energy only, on datacenter GPUs (V100, A100) at batch 64; ";

    /// <summary>Under the runtimes' side-by-side table: what the figures are and what makes runtimes comparable.</summary>
    public const string RuntimesNote =
        "Each runtime ran the same prompts with the same temperature, max tokens and seed, one request at a time, measured by the same meter " +
        "in the same run. J/token as the ratio of totals (energy spent per token produced); 'vs the lowest' divides it by the lowest of the model's " +
        "runtimes. Means carry a 95% bootstrap confidence interval. Runtimes differ in more than speed: chat template or raw completion, " +
        "context size, threads, GPU offload, sampler defaults not sent by the harness (top_k, min_p, repeat penalty), and the answers' lengths; " +
        "compare J/token rather than J/response when answer lengths differ, and read the settings below.";

    /// <summary>Under the settings table: where the values come from.</summary>
    public const string RuntimeSettingsNote =
        "Settings as each server revealed them before the first case (Ollama's /api/show and /api/ps, llama-server's /props, LM Studio's " +
        "/api/v0/models, vLLM's /version; the in-process engine's own options). Only settings that are not the same on every runtime are listed; " +
        "'not revealed' means the server does not say, so the setting cannot be shown to be equal.";

    public const string SeedIntro =
        "This run was imported from the seed study: its records analysed the study's way and this project's way, then each change of method on its own.";

    public const string SeedInferredTimes =
        "The study recorded no sample timestamps, so each response's samples are taken as evenly spread over its recorded duration (the study's inferenceTime): " +
        "the sample times were inferred, not measured.";

    /// <summary>
    /// True when the backend is a simulation: a case record says so (<c>backendSimulated</c>), or, for a run written
    /// before records carried that flag, the backend's name says <c>fake</c>.
    /// </summary>
    public static bool IsFake(RunData run) =>
        run.Cases.Any(c => c.BackendSimulated) || run.Manifest.Backend.Name.Contains("fake", StringComparison.OrdinalIgnoreCase);

    /// <summary>The banner sentence of a method other than measured: "Energy figures in this report are SIMULATED by a fake meter ...".</summary>
    public static string MethodBanner(EnergyMethod method) => $"Energy figures in this report are {EnergyMethodText.Meaning(method)}.";

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
    /// The meter whose figures have <paramref name="method"/>, as the provenance names it, e.g. "cpu-model (CPU utilisation
    /// from /proc/stat)": run.json's meter when it has that method, else the first case's that has; null when none has.
    /// </summary>
    public static string? SourceOf(RunData run, EnergyMethod method)
    {
        var provenance = MeterOf(run, method);
        return provenance is null ? null
            : string.IsNullOrWhiteSpace(provenance.Source) ? provenance.Meter
            : $"{provenance.Meter} ({provenance.Source})";
    }

    /// <summary>The provenance of the figures obtained by <paramref name="method"/>: run.json's meter when it has that method, else the first such case's.</summary>
    private static EnergyProvenance? MeterOf(RunData run, EnergyMethod method) =>
        run.Manifest.Meter.Method == method
            ? run.Manifest.Meter
            : run.Cases.Select(c => c.Energy?.Provenance).FirstOrDefault(p => p?.Method == method);

    /// <summary>
    /// The banners a reader must see first, in order: the run's state when it is not one whole run (<see cref="RunStateBanners"/>), then one per method other than measured among the run's energy figures
    /// (estimated, simulated, imported: each says what it means, where it came from and, when only some cases have it,
    /// how many), then the fake backend's, then one per machine warning. A fake backend and a fake meter are flagged apart.
    /// </summary>
    public static IReadOnlyList<ReportBanner> Banners(RunData run)
    {
        var banners = new List<ReportBanner>(RunStateBanners.Of(run));
        var withEnergy = run.Cases.Count(c => c.Energy is not null);
        foreach (var method in run.Methods.Where(m => m != EnergyMethod.Measured))
        {
            var details = new List<string>();
            var (kind, source) = method switch
            {
                EnergyMethod.Estimated => (ReportBanner.Estimated, "Estimator"),
                EnergyMethod.Simulated => (ReportBanner.Simulated, "Simulated by"),
                _ => (ReportBanner.Imported, "Imported from"),
            };
            // An estimator's source is short and says what it models; a simulating or imported meter's is long and
            // is given in full under How energy was obtained.
            if (method == EnergyMethod.Estimated && SourceOf(run, method) is { } estimator)
                details.Add($"{source}: {estimator.TrimEnd('.')}");
            else if (method != EnergyMethod.Estimated && MeterOf(run, method) is { } meter)
                details.Add($"{source}: the {meter.Meter} meter (its source and notes under How energy was obtained)");
            if (method == EnergyMethod.Estimated && EstimateModel(run) is { } model)
                details.Add($"Model: {model}");
            var cases = CasesBy(run, method);
            if (cases > 0 && cases < withEnergy)
            {
                var others = run.Methods.Where(m => m != method && CasesBy(run, m) > 0).Select(EnergyMethodText.Word);
                details.Add($"It concerns {Integer(cases)} of {Integer(withEnergy)} cases; the others are {string.Join(" or ", others)}");
            }
            if (method == EnergyMethod.Imported && BelowLiveCoverage(run) is { } below)
                details.Add(below);
            banners.Add(new ReportBanner(kind, MethodBanner(method), details));
        }

        if (IsFake(run))
            banners.Add(new ReportBanner(ReportBanner.FakeBackend, FakeBanner, []));
        banners.AddRange(RunConditionsText.Banners(run));
        return banners;
    }

    /// <summary>
    /// "12 of 256 cases are below the coverage a live case needs ..." for the cases whose samples cover less of their window
    /// than <c>Meter:MinCoverage</c> (a live run fails such a case; an imported one keeps it, marked); null when none is.
    /// </summary>
    public static string? BelowLiveCoverage(RunData run)
    {
        var minimum = run.Manifest.Configuration.Meter.MinCoverage;
        var below = run.Cases.Count(c => c.Energy is { } e && e.Window.Coverage < minimum);
        if (below == 0)
            return null;
        return $"{Integer(below)} of {Integer(run.Cases.Count(c => c.Energy is not null))} cases are below the coverage a live case needs: "
               + $"their samples cover less than {Percent(minimum)} (Meter:MinCoverage) of their window, which would fail a live case; "
               + "each says so in its approximation (cases.csv, the Cases table)";
    }

    /// <summary>The domains whose energy the meter reports, without the total: "cpu + gpu + ane".</summary>
    public static string Components(EnergyProvenance meter) =>
        string.Join(" + ", meter.Domains.Where(d => d != Domains.Total));

    /// <summary>What this run's comparison covers, to end <see cref="LikeWithLike"/>.</summary>
    public static string ThisRunScope(RunData run) =>
        $"{Sweep.PublishedPoints.BatchSentence(run)} covers the {run.Manifest.Meter.Meter} meter's domains ({Components(run.Manifest.Meter)}), " +
        $"its energy {RunMethod(run)}, on {ComparedHardware(run)}.";

    /// <summary>How many cases carry an energy figure obtained by <paramref name="method"/>.</summary>
    public static int CasesBy(RunData run, EnergyMethod method) => run.Cases.Count(c => c.Energy?.Provenance.Method == method);

    /// <summary>
    /// The run's method in a few words: "measured", or what another method means ("SIMULATED by a fake meter that the
    /// suite ships, not measured on any hardware"); for a run some of whose cases' energy came another way than its
    /// meter's, which and how many: "measured, but 3 cases' energy is ESTIMATED".
    /// </summary>
    public static string RunMethod(RunData run)
    {
        var main = run.Manifest.Meter.Method;
        var text = main == EnergyMethod.Measured ? EnergyMethodText.Word(main) : EnergyMethodText.Meaning(main);
        var others = run.Methods.Where(m => m != main).Select(m => (Method: m, Cases: CasesBy(run, m))).Where(x => x.Cases > 0)
            .Select(x => CasesEnergyIs(x.Cases, x.Method))
            .ToArray();
        return others.Length == 0 ? text : $"{text}, but {string.Join(" and ", others)}";
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

    /// <summary>
    /// The sentence ending the summary: that every energy figure is measured; else what marks or labels the others
    /// ("~ marks an ESTIMATED figure", "every energy figure is SIMULATED", "3 cases' energy is IMPORTED"); or that there is none.
    /// </summary>
    public static string EnergyNote(RunData run)
    {
        var withEnergy = run.Cases.Count(c => c.Energy is not null);
        if (withEnergy == 0)
            return "no energy figure recorded";
        var parts = new List<string>();
        foreach (var method in run.Methods.Where(m => m != EnergyMethod.Measured))
        {
            var cases = CasesBy(run, method);
            var word = EnergyMethodText.Word(method);
            if (method == EnergyMethod.Estimated)
                parts.Add($"{EnergyMethodText.Mark(method)} marks an {word} figure");
            else if (cases == withEnergy)
                parts.Add($"every energy figure is {word}");
            else if (cases > 0)
                parts.Add(CasesEnergyIs(cases, method));
        }

        return parts.Count == 0 ? "all energy figures measured" : string.Join("; ", parts);
    }

    /// <summary>"1 case's energy is SIMULATED", "3 cases' energy is ESTIMATED".</summary>
    private static string CasesEnergyIs(int cases, EnergyMethod method) =>
        $"{(cases == 1 ? "1 case's" : $"{Integer(cases)} cases'")} energy is {EnergyMethodText.Word(method)}";

    /// <summary>What the summary table's energy columns are: the total's, then each domain's.</summary>
    public const string SummaryDomainsNote =
        "J/response and Average W are the total domain's, each \"J/response <domain>\" that domain's own (e.g. the GPU's alone); all gross of idle power unless said.";

    /// <summary>The note under the per-domain table: where the domains come from, what the share is, and which domains overlap.</summary>
    public static string DomainsNote(RunData run)
    {
        var meter = run.Manifest.Meter;
        var note = $"Each domain as the {meter.Meter} meter reports it; total is the meter's own total (see How energy was obtained). "
                   + "Share of total J: the domain's mean J/response over the total's.";
        string[] nested = [Domains.Core, Domains.Uncore, Domains.Psys];
        return run.EnergyDomains.Any(nested.Contains)
            ? note + " RAPL's core and uncore lie within package and psys covers the whole platform: such domains overlap the others, so shares need not add up to 100%."
            : note;
    }

    /// <summary>The text with its first letter upper-case, to start a sentence.</summary>
    public static string SentenceStart(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

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

    /// <summary>One paragraph: meter, domains, method, source, notes, why this meter and profile, and the harness's own cost.</summary>
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
        facts.AddRange(RunConditionsText.CostFacts(run));
        return facts;
    }
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>
/// Pairs a model's cases with its baseline prompt by prompt (by dataset index, so a changed selection never pairs
/// different prompts) and judges energy and latency. Repetitions of a prompt are first combined by their geometric
/// mean: the test counts prompts, not repetitions, as independent pairs.
/// </summary>
internal static class BaselineComparison
{
    public static (RegressionVerdict Energy, RegressionVerdict Latency) Compare(Baseline? baseline, string? missing, IReadOnlyList<CaseRecord> cases,
        RegressionOptions options, string profile, EnergyProvenance meter)
    {
        var reason = baseline is null ? missing : Incomparable(baseline, profile, meter);
        if (baseline is null || reason is not null)
        {
            var na = new RegressionVerdict(Verdict.NA, null, null, null, null, 0, "NA: " + reason);
            return (na, na);
        }

        var passed = ComparableCases(cases);
        return (
            ComparePerPrompt([.. baseline.Prompts.Select(p => (p.PromptDatasetIndex, p.Joules))], [.. passed.Select(EnergyPoint)], options, "energy"),
            ComparePerPrompt([.. baseline.Prompts.Select(p => (p.PromptDatasetIndex, p.LatencyS))], [.. passed.Select(LatencyPoint)], options, "latency"));
    }

    /// <summary>The passed cases that carry a completion and a total energy: the ones a comparison can use.</summary>
    internal static List<CaseRecord> ComparableCases(IEnumerable<CaseRecord> cases) =>
        [.. cases.Where(c => c.Outcome == "passed" && c.Completion is not null && c.Energy?.Window.Domains.ContainsKey(Domains.Total) == true)];

    /// <summary>A case's total-domain joules, keyed by its prompt's dataset index.</summary>
    internal static (int Prompt, double Value) EnergyPoint(CaseRecord c) => (c.PromptDatasetIndex, c.Energy!.Window.Domains[Domains.Total].Joules);

    /// <summary>A case's wall seconds, keyed by its prompt's dataset index.</summary>
    internal static (int Prompt, double Value) LatencyPoint(CaseRecord c) => (c.PromptDatasetIndex, c.Completion!.WallSeconds);

    /// <summary>
    /// Pairs <paramref name="reference"/> with <paramref name="current"/> by prompt dataset index (prompts in both only,
    /// in index order), each prompt's repetitions combined by their geometric mean, and judges the ratio current / reference.
    /// </summary>
    internal static RegressionVerdict ComparePerPrompt(IReadOnlyList<(int Prompt, double Value)> reference, IReadOnlyList<(int Prompt, double Value)> current,
        RegressionOptions options, string metric)
    {
        var prompts = reference.Select(p => p.Prompt).Intersect(current.Select(p => p.Prompt)).Order().ToList();
        double PerPrompt(IReadOnlyList<(int Prompt, double Value)> points, int index) =>
            GeometricMean(points.Where(p => p.Prompt == index).Select(p => p.Value));
        return RegressionCheck.Compare(
            [.. prompts.Select(i => PerPrompt(reference, i))],
            [.. prompts.Select(i => PerPrompt(current, i))],
            options.Threshold, options.Alpha, metric: metric);
    }

    /// <summary>True when both figures come from the same meter, method and domains (domain order aside).</summary>
    internal static bool SameMeter(EnergyProvenance a, EnergyProvenance b) =>
        string.Equals(a.Meter, b.Meter, StringComparison.Ordinal) && a.Method == b.Method
        && a.Domains.Order(StringComparer.Ordinal).SequenceEqual(b.Domains.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>"powermetrics (measured, cpu+gpu+ane+total)": the meter, its method as stored (<see cref="EnergyMethodText.Stored"/>) and its domains.</summary>
    internal static string DescribeMeter(EnergyProvenance meter) => $"{meter.Meter} ({EnergyMethodText.Stored(meter.Method)}, {string.Join("+", meter.Domains)})";

    /// <summary>Why a baseline cannot be compared with this run (other profile or meter, other domains), or null.</summary>
    private static string? Incomparable(Baseline baseline, string profile, EnergyProvenance meter)
    {
        if (!string.Equals(baseline.Profile, profile, StringComparison.Ordinal))
            return $"the baseline is of profile '{baseline.Profile}', this run of '{profile}'";
        if (!SameMeter(baseline.Meter, meter))
            return $"the baseline's energy came from {DescribeMeter(baseline.Meter)}, this run's from {DescribeMeter(meter)} (meter, method or domains differ): not comparable; accept a new baseline";

        return null;
    }

    private static double GeometricMean(IEnumerable<double> values) => Math.Exp(values.Select(v => Math.Log(v)).Average());

    /// <summary>
    /// A case against its own prompt's baseline point: null when within the tolerance, without a point, or when the
    /// baseline window is too short (under three meter intervals) for a single-case comparison to mean anything.
    /// </summary>
    public static string? CheckCase(Baseline? baseline, CaseRecord record, RegressionOptions options, double meterIntervalS)
    {
        var point = baseline?.Prompts.FirstOrDefault(p => p.PromptDatasetIndex == record.PromptDatasetIndex && p.Repetition == record.Repetition);
        if (point is null || record.Outcome != "passed" || options.Accept || point.LatencyS < 3 * meterIntervalS)
            return null;
        var problems = new List<string>();
        var energy = record.Energy!.Window.Domains[Domains.Total].Joules / point.Joules;
        var latency = record.Completion!.WallSeconds / point.LatencyS;
        if (Math.Abs(energy - 1) > options.CaseTolerance)
            problems.Add(FormattableString.Invariant($"energy x{energy:0.000} of its baseline ({point.Joules:0.###} J)"));
        if (Math.Abs(latency - 1) > options.CaseTolerance)
            problems.Add(FormattableString.Invariant($"latency x{latency:0.000} of its baseline ({point.LatencyS:0.###} s)"));
        return problems.Count == 0
            ? null
            : FormattableString.Invariant($"beyond Regression:CaseTolerance ({options.CaseTolerance * 100:0}%) of this prompt's baseline: ") + string.Join(", ", problems);
    }
}

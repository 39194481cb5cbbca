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

        var passed = cases.Where(c => c.Outcome == "passed").ToList();
        var prompts = baseline.Prompts.Select(p => p.PromptDatasetIndex).Intersect(passed.Select(c => c.PromptDatasetIndex)).Order().ToList();
        double PerPrompt<T>(IEnumerable<T> items, int index, Func<T, int> key, Func<T, double> value) =>
            GeometricMean(items.Where(i => key(i) == index).Select(value));

        var energy = RegressionCheck.Compare(
            [.. prompts.Select(i => PerPrompt(baseline.Prompts, i, p => p.PromptDatasetIndex, p => p.Joules))],
            [.. prompts.Select(i => PerPrompt(passed, i, c => c.PromptDatasetIndex, c => c.Energy!.Window.Domains[Domains.Total].Joules))],
            options.Threshold, options.Alpha, metric: "energy");
        var latency = RegressionCheck.Compare(
            [.. prompts.Select(i => PerPrompt(baseline.Prompts, i, p => p.PromptDatasetIndex, p => p.LatencyS))],
            [.. prompts.Select(i => PerPrompt(passed, i, c => c.PromptDatasetIndex, c => c.Completion!.WallSeconds))],
            options.Threshold, options.Alpha, metric: "latency");
        return (energy, latency);
    }

    /// <summary>Why a baseline cannot be compared with this run (other profile or meter, other domains), or null.</summary>
    private static string? Incomparable(Baseline baseline, string profile, EnergyProvenance meter)
    {
        if (!string.Equals(baseline.Profile, profile, StringComparison.Ordinal))
            return $"the baseline is of profile '{baseline.Profile}', this run of '{profile}'";
        if (!string.Equals(baseline.Meter.Meter, meter.Meter, StringComparison.Ordinal) || baseline.Meter.Method != meter.Method
            || !baseline.Meter.Domains.Order(StringComparer.Ordinal).SequenceEqual(meter.Domains.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return $"the baseline was measured by {baseline.Meter.Meter} ({baseline.Meter.Method}, {string.Join("+", baseline.Meter.Domains)}), " +
                   $"this run by {meter.Meter} ({meter.Method}, {string.Join("+", meter.Domains)}): not comparable; accept a new baseline";
        }

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

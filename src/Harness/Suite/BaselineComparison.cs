using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Results;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Suite;

/// <summary>Pairs a model's cases with its baseline by prompt and repetition and judges energy and latency.</summary>
internal static class BaselineComparison
{
    public static (RegressionVerdict Energy, RegressionVerdict Latency) Compare(Baseline? baseline, string? missing, IReadOnlyList<CaseRecord> cases, RegressionOptions options)
    {
        if (baseline is null)
        {
            var na = new RegressionVerdict(Verdict.NA, null, null, null, null, 0, "NA: " + missing);
            return (na, na);
        }

        var points = baseline.Prompts.ToDictionary(p => (p.PromptOrdinal, p.Repetition));
        var pairs = cases.Where(c => c.Outcome == "passed" && points.ContainsKey((c.PromptOrdinal, c.Repetition)))
            .Select(c => (Base: points[(c.PromptOrdinal, c.Repetition)], Case: c)).ToList();
        var energy = RegressionCheck.Compare([.. pairs.Select(p => p.Base.Joules)], [.. pairs.Select(p => p.Case.Energy!.Window.Domains[Domains.Total].Joules)],
            options.Threshold, options.Alpha, metric: "energy");
        var latency = RegressionCheck.Compare([.. pairs.Select(p => p.Base.LatencyS)], [.. pairs.Select(p => p.Case.Completion!.WallSeconds)],
            options.Threshold, options.Alpha, metric: "latency");
        return (energy, latency);
    }

    /// <summary>A case against its own prompt's baseline point: null when within the tolerance or without a point.</summary>
    public static string? CheckCase(Baseline? baseline, CaseRecord record, RegressionOptions options)
    {
        var point = baseline?.Prompts.FirstOrDefault(p => p.PromptOrdinal == record.PromptOrdinal && p.Repetition == record.Repetition);
        if (point is null || record.Outcome != "passed")
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
            : FormattableString.Invariant($"beyond Regression:CaseTolerance ({options.CaseTolerance:P0}) of this prompt's baseline: ") + string.Join(", ", problems);
    }
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Compares run B with run A model by model, the way a run is checked against its baseline: passed cases are paired
/// by the prompt's dataset index, a prompt's repetitions are first combined by their geometric mean, and energy
/// (total joules) and latency (wall seconds) are judged by <see cref="RegressionCheck.Compare"/> with the ratio B / A.
/// </summary>
public static class RunComparison
{
    /// <summary>One comparison per model of either run: A's models in A's order, then those only B has.</summary>
    public static IReadOnlyList<ModelComparison> Compare(RunData a, RunData b, RegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);

        var meterReason = BaselineComparison.SameMeter(a.Manifest.Meter, b.Manifest.Meter)
            ? null
            : $"run A was measured by {BaselineComparison.DescribeMeter(a.Manifest.Meter)}, run B by {BaselineComparison.DescribeMeter(b.Manifest.Meter)}: energies of different meters are not comparable";

        return [.. a.Models.Concat(b.Models).Distinct(StringComparer.Ordinal).Select(model => CompareModel(a, b, model, options, meterReason))];
    }

    private static ModelComparison CompareModel(RunData a, RunData b, string model, RegressionOptions options, string? meterReason)
    {
        var inA = a.Models.Contains(model, StringComparer.Ordinal);
        var inB = b.Models.Contains(model, StringComparer.Ordinal);
        var reason = !inB ? $"only in run A ({a.RunId})"
            : !inA ? $"only in run B ({b.RunId})"
            : meterReason;
        if (reason is not null)
            return NotCompared(model, reason);

        var casesA = BaselineComparison.ComparableCases(a.Cases.Where(c => c.Model == model));
        var casesB = BaselineComparison.ComparableCases(b.Cases.Where(c => c.Model == model));
        var energy = BaselineComparison.ComparePerPrompt(
            [.. casesA.Select(BaselineComparison.EnergyPoint)], [.. casesB.Select(BaselineComparison.EnergyPoint)], options, "energy");
        var latency = BaselineComparison.ComparePerPrompt(
            [.. casesA.Select(BaselineComparison.LatencyPoint)], [.. casesB.Select(BaselineComparison.LatencyPoint)], options, "latency");
        var pairs = casesA.Select(c => c.PromptDatasetIndex).Intersect(casesB.Select(c => c.PromptDatasetIndex)).Count();
        return new ModelComparison(model, pairs, energy, latency);
    }

    private static ModelComparison NotCompared(string model, string reason)
    {
        var na = new RegressionVerdict(Verdict.NA, null, null, null, null, 0, "NA: " + reason);
        return new ModelComparison(model, 0, na, na);
    }
}

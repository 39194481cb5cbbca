using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Suite;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Compares run B with run A model by model, the way a run is checked against its baseline: passed cases are paired
/// by the prompt's dataset index, a prompt's repetitions are first combined by their geometric mean, and energy
/// (total joules) and latency (wall seconds) are judged by <see cref="RegressionCheck.Compare"/> with the ratio B / A.
/// A model of A that run B lost (missing, or no passed case) is <see cref="ModelComparison.IsLost"/>: for a gate,
/// losing a model is a regression. Different meters, methods (measured, estimated, simulated, imported; run.json's meter's
/// or the model's cases') or domains make only energy NA: latency does not depend on the meter.
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
            : $"run A's energy came from {DescribeMeter(a.Manifest.Meter)}, run B's from {DescribeMeter(b.Manifest.Meter)} (meter, method or domains differ): "
              + "energies of different meters are not comparable";

        return [.. a.Models.Concat(b.Models).Distinct(StringComparer.Ordinal).Select(model => CompareModel(a, b, model, options, meterReason))];
    }

    /// <summary>"powermetrics (measured, cpu+gpu+ane+total)": the meter, its method as stored and its domains.</summary>
    public static string DescribeMeter(EnergyProvenance meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return BaselineComparison.DescribeMeter(meter);
    }

    private static ModelComparison CompareModel(RunData a, RunData b, string model, RegressionOptions options, string? meterReason)
    {
        var inA = a.Models.Contains(model, StringComparer.Ordinal);
        var inB = b.Models.Contains(model, StringComparer.Ordinal);
        if (!inB)
            return Lost(model, $"missing from run B ({b.RunId})");
        if (!inA)
            return NotCompared(model, $"only in run B ({b.RunId})");

        var casesA = BaselineComparison.ComparableCases(a.Cases.Where(c => c.Unit == model));
        var casesB = BaselineComparison.ComparableCases(b.Cases.Where(c => c.Unit == model));
        if (casesB.Count == 0)
            return Lost(model, $"run B has no passed case of {model} ({b.Cases.Count(c => c.Unit == model)} failed)");
        if (casesA.Count == 0)
            return NotCompared(model, $"run A has no passed case of {model} ({a.Cases.Count(c => c.Unit == model)} failed)");

        var pairs = casesA.Select(c => c.PromptDatasetIndex).Intersect(casesB.Select(c => c.PromptDatasetIndex)).Count();
        if (pairs == 0)
            return NotCompared(model, "no prompt passed in both runs");

        var energy = (meterReason ?? MethodReason(a, b, model)) is { } reason
            ? NotAvailable(reason)
            : BaselineComparison.ComparePerPrompt(
                [.. casesA.Select(BaselineComparison.EnergyPoint)], [.. casesB.Select(BaselineComparison.EnergyPoint)], options, "energy");
        var latency = BaselineComparison.ComparePerPrompt(
            [.. casesA.Select(BaselineComparison.LatencyPoint)], [.. casesB.Select(BaselineComparison.LatencyPoint)], options, "latency");
        return new ModelComparison(model, pairs, energy, latency);
    }

    /// <summary>
    /// Why the model's energy cannot be compared although the runs' meters agree: its passed cases' energy was obtained
    /// by another method in each run (one case simulated or estimated where the other run measured); null when the same.
    /// </summary>
    private static string? MethodReason(RunData a, RunData b, string model)
    {
        var methodA = a.Summary.Models.FirstOrDefault(m => m.Model == model)?.Method;
        var methodB = b.Summary.Models.FirstOrDefault(m => m.Model == model)?.Method;
        return methodA is { } x && methodB is { } y && x != y
            ? $"run A's {model} energy is {EnergyMethodText.Word(x)}, run B's {EnergyMethodText.Word(y)}: figures of different methods are never compared"
            : null;
    }

    private static RegressionVerdict NotAvailable(string reason) => new(Verdict.NA, null, null, null, null, 0, "NA: " + reason);

    private static ModelComparison NotCompared(string model, string reason)
    {
        var na = NotAvailable(reason);
        return new ModelComparison(model, 0, na, na);
    }

    private static ModelComparison Lost(string model, string reason)
    {
        var lost = new RegressionVerdict(Verdict.NA, null, null, null, null, 0, "lost: " + reason);
        return new ModelComparison(model, 0, lost, lost) { IsLost = true };
    }
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Statistics;
using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Compares run B with run A unit by unit (model, runtime / model, each at its sweep point), the way a run is checked against its
/// baseline: a unit of A is matched with B's unit of the same runtime, model and point settings (whatever the points' labels, which name
/// only the axes each run varies), else with B's unit of the same label; passed cases are paired by the prompt's dataset index within it, a prompt's repetitions are first combined by their geometric mean, and energy
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

        var keysA = Keys(a);
        var keysB = Keys(b);
        var comparisons = new List<ModelComparison>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unitA in a.Models)
        {
            // The same label and settings, then the same runtime, model and settings (a point's label names only the axes its run
            // varies), then the same label (the settings changed between the runs: compared as any change of configuration is).
            var key = keysA.GetValueOrDefault(unitA);
            var free = b.Models.Where(u => !matched.Contains(u)).ToArray();
            var unitB = free.FirstOrDefault(u => u == unitA && keysB.GetValueOrDefault(u) == key)
                        ?? free.FirstOrDefault(u => key is not null && keysB.GetValueOrDefault(u) == key)
                        ?? free.FirstOrDefault(u => u == unitA);
            if (unitB is not null)
                matched.Add(unitB);
            comparisons.Add(CompareModel(a, b, unitA, unitB, options, meterReason));
        }

        comparisons.AddRange(b.Models.Where(u => !matched.Contains(u)).Select(u => NotCompared(u, $"only in run B ({b.RunId})")));
        return comparisons;
    }

    /// <summary>What a unit measured: runtime, model and the point's settings without its label.</summary>
    private sealed record UnitKey(string? Runtime, string Model, SweepPoint? Settings);

    /// <summary>
    /// Each unit of <paramref name="run"/> with what it measured: its cases' point, or for records written before sweeps (no point) the
    /// run's one configured point, without the label (which names only the axes that vary in its own run).
    /// </summary>
    private static Dictionary<string, UnitKey> Keys(RunData run)
    {
        var plan = SweepPlan.Of(run.Manifest.Configuration);
        var single = plan.Count == 1 ? plan[0] : null;
        return run.Cases.GroupBy(c => c.Unit, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new UnitKey(g.First().Runtime, g.First().Model, (g.First().Point ?? single) is { } p ? p with { Label = "" } : null),
            StringComparer.Ordinal);
    }

    /// <summary>"powermetrics (measured, cpu+gpu+ane+total)": the meter, its method as stored and its domains.</summary>
    public static string DescribeMeter(EnergyProvenance meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return BaselineComparison.DescribeMeter(meter);
    }

    private static ModelComparison CompareModel(RunData a, RunData b, string model, string? modelB, RegressionOptions options, string? meterReason)
    {
        if (modelB is null)
            return Lost(model, $"missing from run B ({b.RunId})");
        var name = modelB == model ? model : $"{model} (run B: {modelB})";

        var casesA = BaselineComparison.ComparableCases(a.Cases.Where(c => c.Unit == model));
        var casesB = BaselineComparison.ComparableCases(b.Cases.Where(c => c.Unit == modelB));
        if (casesB.Count == 0)
            return Lost(name, $"run B has no passed case of {modelB} ({b.Cases.Count(c => c.Unit == modelB)} failed)");
        if (casesA.Count == 0)
            return NotCompared(name, $"run A has no passed case of {model} ({a.Cases.Count(c => c.Unit == model)} failed)");

        var pairs = casesA.Select(c => c.PromptDatasetIndex).Intersect(casesB.Select(c => c.PromptDatasetIndex)).Count();
        if (pairs == 0)
            return NotCompared(name, "no prompt passed in both runs");

        var energy = (meterReason ?? MethodReason(a, b, model, modelB)) is { } reason
            ? NotAvailable(reason)
            : BaselineComparison.ComparePerPrompt(
                [.. casesA.Select(BaselineComparison.EnergyPoint)], [.. casesB.Select(BaselineComparison.EnergyPoint)], options, "energy");
        var latency = BaselineComparison.ComparePerPrompt(
            [.. casesA.Select(BaselineComparison.LatencyPoint)], [.. casesB.Select(BaselineComparison.LatencyPoint)], options, "latency");
        return new ModelComparison(name, pairs, energy, latency);
    }

    /// <summary>
    /// Why the model's energy cannot be compared although the runs' meters agree: its passed cases' energy was obtained
    /// by another method in each run (one case simulated or estimated where the other run measured); null when the same.
    /// </summary>
    private static string? MethodReason(RunData a, RunData b, string model, string modelB)
    {
        var methodA = a.Summary.Models.FirstOrDefault(m => m.Model == model)?.Method;
        var methodB = b.Summary.Models.FirstOrDefault(m => m.Model == modelB)?.Method;
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

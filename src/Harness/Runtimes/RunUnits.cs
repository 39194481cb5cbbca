using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Runtimes;

/// <summary>The units of a configuration, in the order they run: runtime by runtime (as listed), model by model, point by point.</summary>
public static class RunUnits
{
    /// <summary>
    /// <see cref="BenchOptions.Models"/> as units without a runtime when <see cref="BenchOptions.Runtimes"/> is empty; else, for each
    /// runtime in turn, each of its models (<see cref="RuntimeOptions.Models"/>, or all) as a runtime x model unit; each of them at
    /// every point of <see cref="SweepPlan.Of"/> (points vary fastest, so a model stays loaded across its points).
    /// </summary>
    public static IReadOnlyList<RunUnit> Of(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var points = SweepPlan.Of(options);
        return [.. Models(options).SelectMany(u => points.Select(p => u with { Point = p }))];
    }

    /// <summary>The runtime x model pairs of <paramref name="options"/> (units without their points), in the order they run.</summary>
    public static IReadOnlyList<RunUnit> Models(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Runtimes.Count == 0)
            return [.. options.Models.Select(m => new RunUnit(null, m))];
        return [.. options.Runtimes.SelectMany(r => options.Models
            .Where(m => r.Models.Count == 0 || r.Models.Contains(m, StringComparer.Ordinal))
            .Select(m => new RunUnit(r.Name, m)))];
    }

    /// <summary>The unit whose <see cref="RunUnit.Label"/> is <paramref name="label"/>; null when the configuration has none.</summary>
    public static RunUnit? Find(BenchOptions options, string label) =>
        Of(options).FirstOrDefault(u => string.Equals(u.Label, label, StringComparison.Ordinal));
}

using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Runtimes;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>A run's sweep as rows: one per unit (runtime x model x point), grouped by runtime x model in run order, points in run order.</summary>
internal static class SweepRows
{
    /// <summary>
    /// True when the run sweeps: its cases carry more than one point, or any point with more than one request in flight (or
    /// <c>points.jsonl</c> has a record). A run of one point at one request at a time, and a run made before sweeps, has no Sweep section.
    /// </summary>
    public static bool Applies(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var points = run.Cases.Select(c => c.Point).OfType<SweepPoint>().Distinct().ToArray();
        return points.Length > 1 || points.Any(p => p.Overlaps) || run.Points.Count > 0;
    }

    /// <summary>The rows of a sweeping run (<see cref="Applies"/>); empty for any other run.</summary>
    public static IReadOnlyList<SweepRow> Of(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Applies(run))
            return [];
        var rows = new List<SweepRow>();
        foreach (var unit in run.Models)
        {
            var cases = run.Cases.Where(c => c.Unit == unit).ToArray();
            if (cases.Select(c => c.Point).OfType<SweepPoint>().FirstOrDefault() is not { } point)
                continue;
            var first = cases[0];
            var series = new RunUnit(first.Runtime, first.Model).Label;
            var passed = cases.Where(c => c.Outcome == "passed").ToArray();
            var tokens = passed.Select(c => c.Completion?.CompletionTokens).OfType<int>().ToArray();
            rows.Add(new SweepRow(
                unit,
                series,
                SeriesIndex(run, series),
                point,
                point.BatchSize > 1 || InProcess(run.Manifest.Configuration, first.Runtime),
                run.Summary.Models.FirstOrDefault(m => m.Model == unit),
                tokens.Length > 0 ? tokens.Average() : null,
                tokens.Sum(),
                passed.Where(c => c.Completion?.CompletionTokens is not null).Sum(c => c.Completion!.WallSeconds),
                [.. run.Points.Where(p => p.Unit == unit).OrderBy(p => p.Repetition)]));
        }

        return [.. rows.OrderBy(r => r.SeriesIndex)];
    }

    /// <summary>
    /// True when <paramref name="runtime"/> (or the run's backend, in a run of one runtime) is configured as the in-process engine; a point
    /// with a batch size above 1 is in process whatever the configuration says (<c>Backend:Kind auto</c> may have chosen the engine).
    /// </summary>
    public static bool InProcess(BenchOptions options, string? runtime)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backend = runtime is null ? options.Backend : options.Runtimes.FirstOrDefault(r => r.Name == runtime)?.Backend ?? options.Backend;
        return backend.Kind == BackendKinds.LlamaSharp;
    }

    private static int SeriesIndex(RunData run, string series)
    {
        var models = RunUnits.Models(run.Manifest.Configuration).Select(u => u.Label).ToList();
        var index = models.IndexOf(series);
        return index >= 0 ? index : models.Count + run.Cases.Select(c => new RunUnit(c.Runtime, c.Model).Label).Distinct(StringComparer.Ordinal).ToList().IndexOf(series);
    }
}

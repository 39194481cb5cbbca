using System.Globalization;
using SlmEnergyBench.Harness.Metering;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Sweep;

/// <summary>
/// Which of this run's units the published comparison sets beside the published figures. A run without sweeps: every unit, at batch 1.
/// A sweeping run: for each runtime x model, its point whose requests in flight match the paper's batch size
/// (<see cref="PaperBatchSize"/>) when it has one (the first in run order), with its steady-state J/token where reached; for a model
/// without such a point, every one of its points, each at its own batch size, and the text says that the batch sizes differ.
/// </summary>
internal static class PublishedPoints
{
    /// <summary>The batch size of "From Words to Watts" (<c>shared/reference/from-words-to-watts.md</c>: batch size 64, max length 256).</summary>
    public const int PaperBatchSize = 64;

    /// <summary>This run's figures to compare, in run order.</summary>
    public static IReadOnlyList<ThisRunFigure> Of(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = SweepRows.Of(run);
        if (rows.Count == 0)
        {
            return [.. ReportTables.OrderedSummaries(run).Select(m => new ThisRunFigure(
                m, 1, m.JoulesPerTokenRatioOfTotals, m.JoulesPerTokenRatioOfTotalsPerDomain.TryGetValue(Domains.Gpu, out var gpu) ? gpu : null, false))];
        }

        var figures = new List<ThisRunFigure>();
        foreach (var series in rows.Where(r => r.Summary is not null).GroupBy(r => r.Series, StringComparer.Ordinal))
        {
            if (series.FirstOrDefault(r => r.Point.InFlight == PaperBatchSize) is { } paper)
            {
                var steady = paper.SteadyJoulesPerToken() is not null;
                figures.Add(new ThisRunFigure(
                    paper.Summary!, PaperBatchSize,
                    steady ? paper.SteadyJoulesPerToken() : paper.Summary!.JoulesPerTokenRatioOfTotals,
                    steady ? paper.SteadyJoulesPerToken(Domains.Gpu) : Gpu(paper.Summary!),
                    steady));
                continue;
            }

            figures.AddRange(series.Select(r => new ThisRunFigure(r.Summary!, r.Point.InFlight, r.Summary!.JoulesPerTokenRatioOfTotals, Gpu(r.Summary!), false)));
        }

        return figures;
    }

    /// <summary>
    /// How this run's batch sizes stand against the paper's, to follow "the paper ... at batch 64; " in the reports: for a run without
    /// sweeps "this run is batch 1 and"; for a sweeping run which models were measured at 64 in flight and, for the others, the largest
    /// batch they had, with "compare orders of magnitude only" for those.
    /// </summary>
    public static string BatchSentence(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = SweepRows.Of(run);
        if (rows.Count == 0)
            return "this run is batch 1 and";
        var series = rows.GroupBy(r => r.Series, StringComparer.Ordinal).ToArray();
        var at = series.Where(s => s.Any(r => r.Point.InFlight == PaperBatchSize)).Select(s => s.Key).ToArray();
        var without = series.Where(s => s.All(r => r.Point.InFlight != PaperBatchSize)).ToArray();
        var paper = $"the paper's batch size, so batch size is like for like there (its rows are that point, J/token the steady state's where reached; hardware and components still differ)";
        if (without.Length == 0)
            return $"this run measured every model at {PaperBatchSize} requests in flight, {paper}; it";
        var largest = Integer(without.Max(s => s.Max(r => r.Point.InFlight)));
        if (at.Length == 0)
            return $"this run's largest batch is {largest}; the paper measured at batch {PaperBatchSize}: compare orders of magnitude only. This run";
        return $"this run measured {string.Join(", ", at)} at {PaperBatchSize} requests in flight, {paper}; for {string.Join(", ", without.Select(s => s.Key))} "
               + $"its largest batch is {largest}: compare those orders of magnitude only. This run";
    }

    /// <summary>
    /// The published charts' sentence on comparability: for a run without sweeps (or one without a point at the paper's batch size),
    /// that J/token depends on batch size so the chart compares orders of magnitude only; with such a point, that those bars match it.
    /// </summary>
    public static string ChartSentence(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        const string Depends = "J/token depends strongly on batch size and hardware (and on which components are metered), so ";
        var rows = SweepRows.Of(run);
        if (rows.Count == 0)
            return Depends + "this compares orders of magnitude only.";
        if (!rows.Any(r => r.Point.InFlight == PaperBatchSize))
            return Depends + $"with this run's largest batch {Integer(rows.Max(r => r.Point.InFlight))} against the paper's {PaperBatchSize}, this compares orders of magnitude only.";
        return Depends + $"this run's bars at batch {PaperBatchSize} match the paper's batch size (J/token the steady state's where reached); "
               + "hardware and metered components still differ, and bars at other batch sizes compare orders of magnitude only.";
    }

    private static double? Gpu(ModelSummary m) => m.JoulesPerTokenRatioOfTotalsPerDomain.TryGetValue(Domains.Gpu, out var gpu) ? gpu : null;

    private static string Integer(int n) => n.ToString(CultureInfo.InvariantCulture);
}

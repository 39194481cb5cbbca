using ScottPlot;
using SlmEnergyBench.Harness.Reports.Sweep;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// J/token against requests in flight (concurrency against a server, batch size in process) on log-log axes (base 2 across, base 10
/// up), one line per runtime x model (<see cref="SweepSeries"/>): the steady-state J/token where the point reached one (filled marker),
/// else the ratio of totals of its attributed energies (open marker). The paper's batch-64 figures are placed at 64 and the seed
/// study's batch-1 figures at 1, each a marked series of its own.
/// </summary>
internal static class InFlightChart
{
    public const string FileStem = "joules-per-token-vs-in-flight";

    /// <summary>The paper's series' legend text.</summary>
    public const string PaperSeries = "From Words to Watts (paper): LLaMA 7B, 13B, 65B on V100, A100, batch 64, GPU only";

    /// <summary>The seed study's series' legend text.</summary>
    public const string StudySeries = "Seed study: Llama 3.2 1B, 3.2 3B, 3 8B on an M1 Pro, batch 1, GPU only";

    /// <summary>The lines: one per runtime x model (and other settings), points ordered by requests in flight; empty without an in-flight axis.</summary>
    public static IReadOnlyList<SweepLine> Lines(RunData run) => InFlightLines.Of(run, Mark);

    /// <summary>Draws the chart; null when the run has no overlapping point and one in-flight count only, or no point has the figures.</summary>
    public static RenderedChart? Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = Lines(run);
        if (lines.Count == 0)
            return null;

        var title = "Energy per output token vs requests in flight" + ChartText.TitleSuffix(run.Method);
        var plot = ChartCanvas.Create(title, "Requests in flight: concurrency or batch size (log2 scale)", "Joules per output token (J, log scale)");
        SweepMarks.AddLines(plot, lines, p => Math.Log2(p.X), p => Math.Log10(p.Y));

        var paper = PublishedFigures.FromWordsToWatts.Where(f => f.JoulesPerToken is > 0).ToArray();
        var study = PublishedFigures.Study.Where(f => f.JoulesPerToken is > 0).ToArray();
        Published(plot, PaperSeries, ChartPalette.PaperHex, MarkerShape.FilledSquare, 6, paper);
        Published(plot, StudySeries, ChartPalette.SeedStudyHex, MarkerShape.FilledDiamond, 0, study);

        var values = lines.SelectMany(l => l.Points.Select(p => p.Y)).Concat(paper.Concat(study).Select(f => f.JoulesPerToken!.Value)).ToArray();
        var maxInFlight = Math.Max(64, lines.SelectMany(l => l.Points).Max(p => p.X));
        plot.Axes.Bottom.TickGenerator = Log2Axis.Ticks(maxInFlight);
        plot.Axes.Left.TickGenerator = LogAxis.Ticks();
        plot.Axes.SetLimits(-1.3, Math.Log2(maxInFlight) + 1.1, Math.Log10(values.Min()) - 0.3, Math.Log10(values.Max()) + 0.3);
        plot.Legend.ManualItems.AddRange(SweepMarks.Legend("steady-state J/token (all slots busy)", "J/token as ratio of totals (steady state not reached, or one request at a time)"));
        // Inside the plot, above the empty middle of the axis (8 to 32 in flight), where no series has points.
        plot.ShowLegend(Alignment.UpperCenter);

        var caption = "Each line is one runtime x model, its points ordered by requests in flight. Filled markers: the steady-state J/token (energy "
            + "over the interval when all slots were busy / tokens generated in it); open markers: the ratio of totals of the requests' attributed "
            + "energies (Σ J / Σ output tokens), where no steady state was reached or requests did not overlap. Squares at 64: "
            + $"{PublishedFigures.Paper}'s batch-64 figures (GPU only, read off its charts, about ±10%); diamonds at 1: the {PublishedFigures.SeedStudy}'s "
            + "batch-1 figures (GPU only). Hardware and metered components differ between the three sources. "
            + ChartText.EnergySource(run.Manifest.Meter, run.Method);
        List<string> series = [.. lines.Select(l => l.Label), PaperSeries, StudySeries];
        return ChartCanvas.Render(plot, FileStem, title, caption, series, 900, 640);
    }

    private static SweepMark? Mark(SweepRow r)
    {
        var label = InFlightLines.Label(r);
        if (r.SteadyJoulesPerToken() is > 0 and var steady)
            return new SweepMark(r.Point.InFlight, steady, true, label);
        return r.Summary?.JoulesPerTokenRatioOfTotals is > 0 and var ratio ? new SweepMark(r.Point.InFlight, ratio, false, label) : null;
    }

    private static void Published(Plot plot, string legend, string hex, MarkerShape shape, double log2X, IReadOnlyList<PublishedFigure> figures)
    {
        var colour = Color.FromHex(hex);
        var points = plot.Add.ScatterPoints(figures.Select(_ => log2X).ToArray(), figures.Select(f => Math.Log10(f.JoulesPerToken!.Value)).ToArray(), colour);
        points.MarkerShape = shape;
        points.MarkerSize = 10;
        points.LegendText = legend;

        // One label per model, beside its highest figure (the paper's two GPUs sit close together).
        foreach (var model in figures.GroupBy(f => f.Model, StringComparer.Ordinal))
        {
            // "Llama 3.2 1B Instruct q4_0" as "Llama 3.2 1B": the legend gives the rest.
            var name = model.Key.Split(" Instruct", 2)[0];
            var text = plot.Add.Text(name, log2X, Math.Log10(model.Max(f => f.JoulesPerToken!.Value)));
            text.Alignment = log2X > 0 ? Alignment.MiddleLeft : Alignment.MiddleRight;
            text.OffsetX = log2X > 0 ? 8 : -8;
            text.LabelFontSize = 10;
            text.LabelFontColor = colour;
        }
    }
}

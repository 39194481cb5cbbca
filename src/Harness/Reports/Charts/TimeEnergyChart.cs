using ScottPlot;
using SlmEnergyBench.Harness.Metering;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>Inference time against energy per request, one point per passed case, one colour per model.</summary>
internal static class TimeEnergyChart
{
    public const string FileStem = "time-vs-energy";

    /// <summary>Draws the chart; null when no passed case has both a time and a total energy.</summary>
    public static RenderedChart? Render(RunData run)
    {
        var title = "Inference time vs energy per request" + ChartText.TitleSuffix(run.Method);
        var plot = ChartCanvas.Create(title, "Inference time (s)", "Energy per request (J)");
        var series = new List<string>();
        var points = 0;
        foreach (var (model, index) in run.Models.Select((m, i) => (m, i)))
        {
            var cases = run.Cases
                .Where(c => c.Unit == model && c.Outcome == "passed" && c.Completion is not null)
                .Select(c => (c.Completion!.WallSeconds, Joules: c.Energy?.Window.Domains.GetValueOrDefault(Domains.Total)?.Joules))
                .Where(p => p.Joules is not null)
                .ToArray();
            if (cases.Length == 0)
                continue;
            var scatter = plot.Add.ScatterPoints(cases.Select(p => p.WallSeconds).ToArray(), cases.Select(p => p.Joules!.Value).ToArray(), ChartPalette.ForModel(index));
            scatter.MarkerSize = 9;
            scatter.LegendText = model;
            series.Add(model);
            points += cases.Length;
        }

        if (points == 0)
        {
            plot.Dispose();
            return null;
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(0.08, 0.1);
        var caption = $"Each point is one passed case ({points} in all): its harness wall time and the gross energy of its request window, total domain. "
            + ChartText.EnergySource(run.Manifest.Meter, run.Method);
        return ChartCanvas.Render(plot, FileStem, title, caption, series, ModelBarChart.Width, ModelBarChart.Height);
    }
}

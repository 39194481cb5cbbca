using System.Globalization;
using ScottPlot;
using SlmEnergyBench.Harness.Reports.Sweep;
using SlmEnergyBench.Harness.Summaries;
using SlmEnergyBench.Harness.Sweeps;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// A generation setting the run sweeps (temperature, max tokens) against what it changes, as two charts: the mean answer length (output
/// tokens) and the mean J/response, one line per runtime x model (and other settings). Drawn only when the run measured more than one
/// value of the setting.
/// </summary>
internal static class SettingChart
{
    public const string TemperatureLengthStem = "temperature-vs-answer-length";
    public const string TemperatureEnergyStem = "temperature-vs-joules-per-response";
    public const string MaxTokensLengthStem = "max-tokens-vs-answer-length";
    public const string MaxTokensEnergyStem = "max-tokens-vs-joules-per-response";

    /// <summary>Every stem this class draws.</summary>
    public static IReadOnlyList<string> Stems { get; } = [TemperatureLengthStem, TemperatureEnergyStem, MaxTokensLengthStem, MaxTokensEnergyStem];

    /// <summary>The answer-length lines and the J/response lines along temperature.</summary>
    public static (IReadOnlyList<SweepLine> Tokens, IReadOnlyList<SweepLine> Joules) TemperatureLines(RunData run) =>
        Lines(run, p => p.Temperature, SweepSeries.AllButTemperature);

    /// <summary>The answer-length lines and the J/response lines along max tokens.</summary>
    public static (IReadOnlyList<SweepLine> Tokens, IReadOnlyList<SweepLine> Joules) MaxTokensLines(RunData run) =>
        Lines(run, p => p.MaxTokens, SweepSeries.AllButMaxTokens);

    /// <summary>The four charts in order (temperature's two, max tokens' two), each null unless the run swept its setting.</summary>
    public static IEnumerable<RenderedChart?> Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = SweepRows.Of(run);
        if (rows.Select(r => r.Point.Temperature).Distinct().Count() > 1)
        {
            var (tokens, joules) = TemperatureLines(run);
            yield return Length(run, TemperatureLengthStem, "Temperature", tokens);
            yield return Energy(run, TemperatureEnergyStem, "Temperature", joules);
        }

        if (rows.Select(r => r.Point.MaxTokens).Distinct().Count() > 1)
        {
            var (tokens, joules) = MaxTokensLines(run);
            yield return Length(run, MaxTokensLengthStem, "Max tokens", tokens);
            yield return Energy(run, MaxTokensEnergyStem, "Max tokens", joules);
        }
    }

    private static (IReadOnlyList<SweepLine> Tokens, IReadOnlyList<SweepLine> Joules) Lines(RunData run, Func<SweepPoint, double> axis, Func<SweepPoint, string> key)
    {
        ArgumentNullException.ThrowIfNull(run);
        var series = SweepSeries.Along(SweepRows.Of(run), axis, key);
        SweepLine Line(SweepSeries s, Func<SweepRow, double?> value) => new(
            s.Label, s.ColorIndex, s.Variant,
            [.. s.Rows.Select(r => (r, Value: value(r))).Where(x => x.Value is { } v && double.IsFinite(v)).Select(x => new SweepMark(axis(x.r.Point), x.Value!.Value, false, ""))]);
        return (
            [.. series.Select(s => Line(s, r => r.MeanOutputTokens)).Where(l => l.Points.Count > 0)],
            [.. series.Select(s => Line(s, r => r.Summary?.Metrics.GetValueOrDefault(MetricNames.JoulesPerResponse)?.Mean)).Where(l => l.Points.Count > 0)]);
    }

    private static RenderedChart? Length(RunData run, string stem, string setting, IReadOnlyList<SweepLine> lines)
    {
        var caption = $"Each point is one {Lower(setting)} of the sweep: the mean output tokens of its passed requests (answer length), one line per model. "
            + "The Sweep table gives each point's figures.";
        return Render(stem, $"{setting} vs answer length", setting, "Mean answer length (output tokens)", caption, lines);
    }

    private static RenderedChart? Energy(RunData run, string stem, string setting, IReadOnlyList<SweepLine> lines)
    {
        var caption = $"Each point is one {Lower(setting)} of the sweep: the mean gross J/response of its passed requests (at a point with requests in "
            + "flight together, each request's attributed share of the point's window), one line per model; the Sweep table gives each mean's 95% "
            + "bootstrap interval. " + ChartText.EnergySource(run.Manifest.Meter, run.Method);
        return Render(stem, $"{setting} vs energy per response{ChartText.TitleSuffix(run.Method)}", setting, "Mean energy per response (J)", caption, lines);
    }

    private static RenderedChart? Render(string stem, string title, string xLabel, string yLabel, string caption, IReadOnlyList<SweepLine> lines)
    {
        if (lines.Count == 0)
            return null;
        var plot = ChartCanvas.Create(title, xLabel, yLabel);
        foreach (var line in lines)
        {
            var path = plot.Add.Scatter(line.Points.Select(p => p.X).ToArray(), line.Points.Select(p => p.Y).ToArray(), ChartPalette.ForModel(line.ColorIndex));
            path.LineWidth = 2;
            path.LinePattern = SweepMarks.Pattern(line.Variant);
            path.MarkerShape = MarkerShape.FilledCircle;
            path.MarkerSize = 9;
            path.LegendText = line.Label;
        }

        plot.Axes.Margins(0.08, 0.12);
        plot.ShowLegend(Edge.Bottom);
        return ChartCanvas.Render(plot, stem, title, caption, [.. lines.Select(l => l.Label)], ModelBarChart.Width, ModelBarChart.Height);
    }

    private static string Lower(string setting) => setting.ToLower(CultureInfo.InvariantCulture);
}

using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Harness.Reports.Charts;

/// <summary>
/// A multi-runtime run's J/token side by side: a group per model, a bar per runtime (the model's colour for the first runtime,
/// lighter tints for the others, the same tint for a runtime in every group), each with its 95% bootstrap confidence interval.
/// </summary>
internal static class RuntimeChart
{
    public const string FileStem = "runtimes-joules-per-token";

    /// <summary>The chart; null for a run of one runtime or without a per-case J/token.</summary>
    public static RenderedChart? Render(RunData run)
    {
        var runtimes = RuntimeTables.Runtimes(run);
        if (runtimes.Count == 0)
            return null;
        var summaries = run.Summary.Models.Where(m => m.Runtime is not null && m.Passed > 0 && m.Metrics.ContainsKey(MetricNames.JoulesPerTokenMeanOfRatios)).ToList();
        var models = summaries.Select(m => m.ModelName ?? m.Model).Distinct(StringComparer.Ordinal).ToList();
        var values = models.SelectMany((model, i) => runtimes
                .Select(r => summaries.FirstOrDefault(m => m.Runtime == r && (m.ModelName ?? m.Model) == model))
                .OfType<ModelSummary>()
                .Select(m => (m.Runtime, Statistics: m.Metrics[MetricNames.JoulesPerTokenMeanOfRatios]))
                .Select(x => new ModelValue(i, model, x.Statistics.Mean, x.Statistics.CiLow, x.Statistics.CiHigh, x.Statistics.N, x.Runtime)))
            .ToList();
        if (values.Count == 0)
            return null;
        var suffix = ChartText.TitleSuffix(run.Method);
        var caption = $"Bars: for each model, each runtime's mean J/token over its passed cases (each case's joules / completion tokens; runtimes {string.Join(", ", runtimes)}); " +
                      "error bars: the 95% bootstrap confidence interval of the mean." +
                      ModelBarChart.NoIntervalSentence(values.Select(v => ($"{v.Domain} / {v.Model}", v.N))) + " " +
                      ChartText.EnergySource(run.Manifest.Meter, run.Method);
        return ModelBarChart.Render(FileStem, "Energy per token by runtime" + suffix, "Energy per token (J)", "J", caption, values);
    }
}

using SlmEnergyBench.Harness.Summaries;
using static SlmEnergyBench.Harness.Reports.ReportNumbers;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// The runtimes of a multi-runtime run side by side: per model, each runtime's J/token, J/response, tokens/s and time to first
/// token; and the settings each server revealed that differ between runtimes. Both null for a run of one runtime.
/// </summary>
internal static class RuntimeTables
{
    /// <summary>What a runtime shows for a setting its server does not reveal.</summary>
    public const string NotRevealed = "not revealed";

    /// <summary>The runtimes in the run's order (run.json's, then any other found in the summaries).</summary>
    public static IReadOnlyList<string> Runtimes(RunData run) =>
        [.. (run.Manifest.Runtimes ?? []).Select(r => r.Name).Concat(run.Summary.Models.Select(m => m.Runtime).OfType<string>()).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One row per model and runtime: J/token (ratio of totals), J/response mean [95% CI], tokens/s, time to first token and the decode
    /// rate where streamed, and the ratio of the runtime's J/token to the lowest of that model's runtimes. Null without runtimes.
    /// </summary>
    public static ReportTable? SideBySide(RunData run)
    {
        var runtimes = Runtimes(run);
        if (runtimes.Count == 0)
            return null;
        var summaries = run.Summary.Models.Where(m => m.Runtime is not null).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var model in summaries.Select(ModelOf).Distinct(StringComparer.Ordinal))
        {
            var own = runtimes.Select(r => summaries.FirstOrDefault(m => m.Runtime == r && ModelOf(m) == model)).OfType<ModelSummary>().ToList();
            var lowest = own.Select(m => m.JoulesPerTokenRatioOfTotals).OfType<double>().DefaultIfEmpty().Min();
            foreach (var m in own)
            {
                rows.Add([
                    model, m.Runtime!, Count(m.Passed), Count(m.Failed),
                    Number(m.JoulesPerTokenRatioOfTotals, m.Mark),
                    m.JoulesPerTokenRatioOfTotals is { } jpt && lowest > 0 ? Number(jpt / lowest) + "x" : "",
                    MeanCi(Metric(m, MetricNames.JoulesPerResponse), m.Mark),
                    MeanCi(Metric(m, MetricNames.TokensPerSecond)),
                    MeanCi(Metric(m, MetricNames.TimeToFirstTokenS)),
                    MeanCi(Metric(m, MetricNames.LatencyS)),
                ]);
            }
        }

        return new ReportTable(
            ["Model", "Runtime", "Passed", "Failed", "J/token (ratio of totals)", "J/token vs the lowest", "J/response", "Tokens/s", "First token s", "Latency s"],
            rows);
    }

    /// <summary>
    /// One row per model and setting that is not the same on every runtime that ran the model (a setting one server does not reveal
    /// counts as differing: it cannot be shown equal), with each runtime's value. Null without runtimes; no rows when all agree.
    /// </summary>
    public static ReportTable? SettingsThatDiffer(RunData run)
    {
        var infos = run.Manifest.Runtimes;
        if (infos is not { Count: > 1 })
            return null;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var model in run.Manifest.Configuration.Models)
        {
            var ran = infos.Where(r => r.ModelNames.ContainsKey(model)).ToList();
            if (ran.Count < 2)
                continue;
            AddIfDiffering(rows, model, "name requested", [.. ran.Select(r => r.ModelNames[model])]);
            AddIfDiffering(rows, model, "backend", [.. ran.Select(r => $"{r.Kind}, {r.Endpoint}")]);
            var keys = ran.SelectMany(r => r.Settings.GetValueOrDefault(model)?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                AddIfDiffering(rows, model, key, [.. ran.Select(r => r.Settings.GetValueOrDefault(model)?.GetValueOrDefault(key) ?? NotRevealed)]);
            }
        }

        return new ReportTable(["Model", "Setting", .. infos.Select(r => r.Name)], rows);
    }

    private static void AddIfDiffering(List<IReadOnlyList<string>> rows, string model, string setting, IReadOnlyList<string> values)
    {
        if (values.Distinct(StringComparer.Ordinal).Count() > 1)
            rows.Add([model, setting, .. values]);
    }

    private static string ModelOf(ModelSummary m) => m.ModelName ?? m.Model;

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Statistics.SampleStatistics? Metric(ModelSummary m, string name) => m.Metrics.GetValueOrDefault(name);
}

using System.Globalization;
using System.Text;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Statistics;

namespace SlmEnergyBench.Harness.Reports;

/// <summary>
/// Renders <see cref="RunComparison.Compare"/>'s result as Markdown: a header naming both runs and their meters, then one row per
/// model, then the models run B lost, if any.
/// </summary>
public static class RunComparisonText
{
    public static string Markdown(RunData a, RunData b, IReadOnlyList<ModelComparison> comparisons, RegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(options);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run B `{b.RunId}` ({b.Directory}; meter {RunComparison.DescribeMeter(b.Manifest.Meter)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"compared with run A `{a.RunId}` ({a.Directory}; meter {RunComparison.DescribeMeter(a.Manifest.Meter)}).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ratio = B / A: geometric mean of the per-prompt ratios (prompts paired by dataset index, repetitions combined by geometric mean) with its 95% bootstrap interval; "
            + $"worse or better only beyond {options.Threshold * 100:0.##}% and at p < {options.Alpha:0.####} (Wilcoxon signed-rank). Energy is the total domain's joules, latency the wall seconds.");
        text.AppendLine();
        text.AppendLine("| model | pairs | energy verdict | energy ratio [CI] | latency verdict | latency ratio [CI] | message |");
        text.AppendLine("| --- | ---: | --- | --- | --- | --- | --- |");
        foreach (var c in comparisons)
        {
            var message = c.Energy.Message == c.Latency.Message ? c.Energy.Message : $"{c.Energy.Message}; {c.Latency.Message}";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(c.Model)} | {c.Pairs} | {Word(c, c.Energy.Kind)} | {Ratio(c.Energy)} | {Word(c, c.Latency.Kind)} | {Ratio(c.Latency)} | {Cell(message)} |");
        }

        var lost = comparisons.Where(c => c.IsLost).Select(c => c.Model).ToList();
        if (lost.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Lost in run B ({lost.Count} of run A's models, a regression): {string.Join(", ", lost)}.");
        }

        return text.ToString();
    }

    private static string Word(ModelComparison comparison, Verdict verdict) =>
        comparison.IsLost ? "lost" : verdict == Verdict.NA ? "NA" : verdict.ToString().ToLowerInvariant();

    private static string Ratio(RegressionVerdict verdict) =>
        verdict.Ratio is { } ratio
            ? string.Create(CultureInfo.InvariantCulture, $"x{ratio:0.000} [{verdict.CiLow:0.000}, {verdict.CiHigh:0.000}]")
            : "-";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}

using SlmEnergyBench.Harness.Suite;
using SlmEnergyBench.Harness.Summaries;

namespace SlmEnergyBench.Cli;

/// <summary>The closing lines of <c>slmbench run</c>: each model's summary and verdict, the counts, and where the results and the report are.</summary>
internal static class RunEnding
{
    /// <summary>
    /// The lines after a run: one per model (<see cref="ModelLine"/>) and its accepted baseline, the models without a
    /// passed case, the cases beyond their baseline, the counts and the run folder, for a cancelled run how to resume it,
    /// and the report's path (or why it could not be made).
    /// </summary>
    /// <param name="result">What the run did.</param>
    /// <param name="resumeCommand">The command that continues this run (<c>slmbench run ... --resume ID</c>).</param>
    /// <param name="resumeFromRepository">The same with <c>dotnet run --project src/Cli --</c>.</param>
    public static IReadOnlyList<string> Lines(RunResult result, string resumeCommand, string resumeFromRepository)
    {
        var lines = new List<string>();
        foreach (var model in result.Models)
        {
            lines.Add(ModelLine(model));
            if (model.Accepted)
                lines.Add($"Accepted this run as the new baseline: {model.BaselinePath}");
        }

        lines.AddRange(result.ModelsWithoutPass.Select(m => $"{m}: no passed case, so no summary and no verdict (the FAILED lines above and cases.jsonl say why)"));
        lines.AddRange(result.BaselineProblems.Select(p => "Beyond its baseline: " + p));
        lines.Add($"{result.Done} of {result.Planned} cases ran: {result.Passed} passed, {result.Failed} failed; results in {result.Directory}");
        if (result.Cancelled)
        {
            lines.Add($"Cancelled: the run stopped after {result.Done} of {result.Planned} cases (a case it interrupted is recorded as cancelled, not as a measurement); "
                      + $"run.json says cancelled and every finished case is kept in {result.Directory}.");
            lines.Add($"Resume it with: {resumeCommand}");
            lines.Add($"  (from the repository: {resumeFromRepository})");
        }

        lines.Add(result.Report is { } report
            ? $"Report: {report.Html}"
            : result.ReportError is { } error
                ? $"The report could not be made: {error}. The run's files are intact: make it with 'slmbench report {result.Directory}'."
                : "No case was recorded, so there is no report.");
        return lines;
    }

    /// <summary>A model's summary's first line, its energy verdict and, when it says something else, its latency verdict.</summary>
    public static string ModelLine(ModelReport report)
    {
        var line = SummaryText.Format(report.Summary).Split('\n')[0].TrimEnd() + " | " + report.Energy.Message;
        return report.Latency.Message == report.Energy.Message ? line : line + " | " + report.Latency.Message;
    }
}

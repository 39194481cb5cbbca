using SlmEnergyBench.Harness.Results;

namespace SlmEnergyBench.Harness.Summaries;

/// <summary>What <c>summary.json</c> holds: one <see cref="ModelSummary"/> per model of a run.</summary>
public sealed record RunSummary(string RunId, IReadOnlyList<ModelSummary> Models)
{
    /// <summary>Summarises every unit (model, or runtime / model) of <paramref name="cases"/>, in the order the units first appear.</summary>
    public static RunSummary Of(string runId, IReadOnlyList<CaseRecord> cases, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var models = cases.Select(c => c.Unit).Distinct(StringComparer.Ordinal);
        return new RunSummary(runId, [.. models.Select(m => ModelSummaries.Of(m, cases, seed))]);
    }
}

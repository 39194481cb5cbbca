using System.Text.Json.Nodes;

namespace SlmEnergyBench.Unit.Reports.Merge;

/// <summary>
/// One model's figures in one run, computed here from the run's own cases.jsonl read as plain JSON (not through the product's
/// reader or summaries): the means over its passed cases of wall seconds, tokens/s, total joules and total average power, and
/// Σ total joules / Σ completion tokens.
/// </summary>
internal sealed record OwnFigures(string RunId, string Model, int Passed, double LatencyS, double TokensPerSecond, double JoulesPerResponse, double AveragePowerW, double JoulesPerToken)
{
    /// <summary>Every model with a passed case in the run folder <paramref name="folder"/>, in the order of its first case.</summary>
    public static IReadOnlyList<OwnFigures> Of(string folder)
    {
        var passed = File.ReadAllLines(Path.Combine(folder, "cases.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!)
            .Where(c => (string)c["outcome"]! == "passed")
            .ToList();
        return
        [
            .. passed.GroupBy(c => (string)c["model"]!).Select(g =>
            {
                var cases = g.ToList();
                double Total(JsonNode c, string field) => (double)c["energy"]!["window"]!["domains"]!["total"]![field]!;
                return new OwnFigures(
                    (string)cases[0]["runId"]!, g.Key, cases.Count,
                    cases.Average(c => (double)c["completion"]!["wallSeconds"]!),
                    cases.Average(c => (double)c["tokensPerSecond"]!),
                    cases.Average(c => Total(c, "joules")),
                    cases.Average(c => Total(c, "averagePowerW")),
                    cases.Sum(c => Total(c, "joules")) / cases.Sum(c => (double)c["completion"]!["completionTokens"]!));
            }),
        ];
    }
}

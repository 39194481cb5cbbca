using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>Which dataset items a run uses: the first <c>Count</c> of the pool, or a seeded sample of it.</summary>
internal static class PromptSelector
{
    /// <summary>
    /// Dataset indices, ascending. <c>sample</c> draws <c>Count</c> distinct indices of the first <c>Pool</c> with
    /// <see cref="Random"/>(Seed) (a partial Fisher-Yates shuffle) and returns them in DATASET order, so the run
    /// order does not depend on the draw order.
    /// </summary>
    public static IReadOnlyList<int> Select(PromptOptions options, int datasetItems, string source)
    {
        if (datasetItems < options.Pool)
        {
            throw new PromptLoadException(
                $"{source} has {datasetItems} items, fewer than Prompts:Pool = {options.Pool}: lower Prompts:Pool (and Prompts:Count) or use a larger dataset.");
        }

        if (options.Count > options.Pool)
            throw new PromptLoadException($"Prompts:Count = {options.Count} is more than Prompts:Pool = {options.Pool}: {options.Count} prompts cannot be taken from {options.Pool} items.");

        if (options.Selection == PromptSelections.First)
            return [.. Enumerable.Range(0, options.Count)];

        var pool = Enumerable.Range(0, options.Pool).ToArray();
        var random = new Random(options.Seed);
        for (var i = 0; i < options.Count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(options.Count).Order()];
    }

    public static void Validate(PromptOptions options)
    {
        var problems = new List<string>();
        if (options.Pool < 1)
            problems.Add($"Prompts:Pool = {options.Pool} must be >= 1.");
        if (options.Count < 1)
            problems.Add($"Prompts:Count = {options.Count} must be >= 1.");
        if (!PromptSelections.All.Contains(options.Selection))
            problems.Add($"Prompts:Selection = '{options.Selection}' is not one of: {string.Join(", ", PromptSelections.All)}.");
        if (string.IsNullOrWhiteSpace(options.Source))
            problems.Add("Prompts:Source is empty: give an http(s) URL or a file path of an Alpaca JSON dataset.");
        if (options.Sha256.Length > 0 && (options.Sha256.Length != 64 || !options.Sha256.All(Uri.IsHexDigit)))
            problems.Add($"Prompts:Sha256 = '{options.Sha256}' is not 64 hex digits.");
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }
}

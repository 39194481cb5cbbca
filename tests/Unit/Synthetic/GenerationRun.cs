namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>One generation: prompt tokens, the generated token ids and text, and the time of each phase.</summary>
internal sealed record GenerationRun(int PromptTokens, IReadOnlyList<int> Tokens, string Text, TimeSpan PromptElapsed, TimeSpan GenerationElapsed)
{
    public double TokensPerSecond => Tokens.Count / GenerationElapsed.TotalSeconds;
}

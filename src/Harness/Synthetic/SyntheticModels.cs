namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// The synthetic reference models. The ladder stands in for Llama 3.2 1B, Llama 3.2 3B and Llama 3 8B: every width
/// (embedding, feed-forward, heads, key/value heads, vocabulary) is the real model's divided by <see cref="LadderScale"/>,
/// layers and head size are kept, so per-token cost is the real cost / 16 and the ratios between the three sizes are
/// the real ones (1 : 2.60 : 6.07). Weights are Q4_0 like GPT4All's model files. <see cref="Llama32OneBShapesQ4"/> has
/// the real Llama 3.2 1B shapes (about 0.8 GB): written only when asked for, never by the default tests.
/// </summary>
/// <remarks>
/// Why 4 and not 8: besides its arithmetic, a token costs llama.cpp a fixed overhead for each operation (about 30 per
/// layer) and, with more than one thread, a synchronization of the threads after each. With widths / 8 that overhead
/// was much of each token and the three decode rates came out far closer together than the arithmetic (on a shared
/// 2-core machine with 2 threads: speed ratios x1.9 and x2.8 instead of x2.60 and x6.07). Widths / 4 on one thread
/// (the synthetic profile's <c>Embedded:Threads</c>) came within about 10% of the arithmetic there; README,
/// "Synthetic reference models", has the figures and the command that measures them.
/// </remarks>
public static class SyntheticModels
{
    /// <summary>Divisor of every width of the ladder models.</summary>
    public const int LadderScale = 4;

    public const uint DefaultSeed = 42;

    public static readonly LlamaShape Llama32OneB = new(2048, 16, 8192, 32, 8, 128256);

    public static readonly LlamaShape Llama32ThreeB = new(3072, 28, 8192, 24, 8, 128256);

    public static readonly LlamaShape Llama3EightB = new(4096, 32, 14336, 32, 8, 128256);

    public static readonly SyntheticModelSpec OneBScaled = Scaled("synthetic-1b-scaled", Llama32OneB);

    public static readonly SyntheticModelSpec ThreeBScaled = Scaled("synthetic-3b-scaled", Llama32ThreeB);

    public static readonly SyntheticModelSpec EightBScaled = Scaled("synthetic-8b-scaled", Llama3EightB);

    /// <summary>The real Llama 3.2 1B shapes and vocabulary size in Q4_0: a realistic per-token cost. Opt-in only.</summary>
    public static readonly SyntheticModelSpec Llama32OneBShapesQ4 = new(
        "synthetic-llama3.2-1b-shapes-q4_0", 2048, 16, 8192, 32, 8, 128256, 4096, GgmlType.Q4_0, DefaultSeed);

    /// <summary>Smallest first.</summary>
    public static IReadOnlyList<SyntheticModelSpec> Ladder { get; } = [OneBScaled, ThreeBScaled, EightBScaled];

    /// <summary>The ladder and the opt-in model.</summary>
    public static IReadOnlyList<SyntheticModelSpec> All { get; } = [.. Ladder, Llama32OneBShapesQ4];

    /// <summary>The real models the ladder stands for, in ladder order.</summary>
    public static IReadOnlyList<KeyValuePair<string, LlamaShape>> StandsFor { get; } =
    [
        new("Llama 3.2 1B", Llama32OneB),
        new("Llama 3.2 3B", Llama32ThreeB),
        new("Llama 3 8B", Llama3EightB),
    ];

    /// <summary>True for names this class knows (<c>synthetic-*</c>).</summary>
    public static bool TryFind(string name, out SyntheticModelSpec spec)
    {
        spec = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return spec is not null;
    }

    /// <summary>Each ladder model's per-token cost and ratio to the smallest, beside the real model's.</summary>
    public static IReadOnlyList<SyntheticModelCost> Costs()
    {
        var smallest = (double)Ladder[0].Shape.MultiplyAccumulatesPerToken;
        var realSmallest = (double)StandsFor[0].Value.MultiplyAccumulatesPerToken;
        return [.. Ladder.Select((spec, i) => new SyntheticModelCost(
            spec.Name,
            spec.Shape.MultiplyAccumulatesPerToken,
            spec.Shape.MultiplyAccumulatesPerToken / smallest,
            StandsFor[i].Key,
            StandsFor[i].Value.MultiplyAccumulatesPerToken,
            StandsFor[i].Value.MultiplyAccumulatesPerToken / realSmallest))];
    }

    /// <summary>The cost table as text lines, for the README and closing notes.</summary>
    public static string DescribeCosts() => string.Join('\n', Costs().Select(c => c.ToString()));

    private static SyntheticModelSpec Scaled(string name, LlamaShape real) => new(
        name,
        real.EmbeddingLength / LadderScale,
        real.BlockCount,
        real.FeedForwardLength / LadderScale,
        real.HeadCount / LadderScale,
        real.HeadCountKv / LadderScale,
        real.VocabularySize / LadderScale,
        2048,
        GgmlType.Q4_0,
        DefaultSeed);
}

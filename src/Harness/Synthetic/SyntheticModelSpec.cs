namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// A synthetic Llama-architecture model: its shape, the element type of its weight matrices (norms are always
/// F32), and the seed of its N(0, 0.5) weights (standard deviation 0.5). The same spec always gives the same file.
/// <see cref="ContextLength"/> is written as <c>llama.context_length</c>; the runtime context is chosen when loading.
/// </summary>
public sealed record SyntheticModelSpec(
    string Name,
    int EmbeddingLength,
    int BlockCount,
    int FeedForwardLength,
    int HeadCount,
    int HeadCountKv,
    int VocabularySize,
    int ContextLength,
    GgmlType TensorType,
    uint Seed)
{
    public LlamaShape Shape => new(EmbeddingLength, BlockCount, FeedForwardLength, HeadCount, HeadCountKv, VocabularySize);

    /// <summary>Throws <see cref="ArgumentException"/> for a spec llama.cpp could not load.</summary>
    public void Validate()
    {
        static void Require(bool condition, string message)
        {
            if (!condition)
                throw new ArgumentException(message);
        }

        Require(Name.StartsWith("synthetic-", StringComparison.Ordinal) && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'),
            $"a synthetic model's name starts with 'synthetic-' and holds only letters, digits, '-', '.', '_': '{Name}'");
        Require(EmbeddingLength > 0 && BlockCount > 0 && FeedForwardLength > 0 && ContextLength > 0,
            $"{Name}: dimensions must be positive");
        Require(HeadCount > 0 && EmbeddingLength % HeadCount == 0 && Shape.HeadDimension % 2 == 0,
            $"{Name}: the embedding length {EmbeddingLength} must split into {HeadCount} heads of even size");
        Require(HeadCountKv > 0 && HeadCount % HeadCountKv == 0,
            $"{Name}: {HeadCount} heads must be a multiple of {HeadCountKv} key/value heads");
        Require(VocabularySize >= SyntheticVocabulary.MinimumSize,
            $"{Name}: the vocabulary needs at least {SyntheticVocabulary.MinimumSize} tokens");
        var block = GgmlTypes.BlockElements(TensorType);
        Require(EmbeddingLength % block == 0 && FeedForwardLength % block == 0,
            $"{Name}: {TensorType} rows need the embedding and feed-forward lengths to be multiples of {block}");
    }
}

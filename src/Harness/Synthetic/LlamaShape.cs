namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>The dimensions of a Llama-architecture model that set its per-token cost.</summary>
public sealed record LlamaShape(
    int EmbeddingLength,
    int BlockCount,
    int FeedForwardLength,
    int HeadCount,
    int HeadCountKv,
    int VocabularySize)
{
    public int HeadDimension => EmbeddingLength / HeadCount;

    /// <summary>Width of the key and value projections (grouped-query attention).</summary>
    public int KvEmbeddingLength => HeadDimension * HeadCountKv;

    /// <summary>
    /// Weight multiply-accumulates to generate one token: per layer attention q, k, v, o and FFN gate, up, down;
    /// then the output projection. (The attention over the context itself is left out: it is small at short
    /// contexts and the same kind of work for all sizes.)
    /// </summary>
    public long MultiplyAccumulatesPerToken
    {
        get
        {
            long d = EmbeddingLength;
            long attention = (2 * d * d) + (2 * d * KvEmbeddingLength);
            long ffn = 3 * d * FeedForwardLength;
            return (BlockCount * (attention + ffn)) + (d * VocabularySize);
        }
    }

    /// <summary>Weights in the file: the per-token ones plus the token embeddings and the norms.</summary>
    public long ParameterCount =>
        MultiplyAccumulatesPerToken + ((long)EmbeddingLength * VocabularySize) + ((2L * BlockCount + 1) * EmbeddingLength);
}

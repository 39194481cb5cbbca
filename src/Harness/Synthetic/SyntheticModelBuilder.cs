namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Lays out a <see cref="SyntheticModelSpec"/> as a llama-architecture GGUF: the metadata llama.cpp needs, the
/// synthetic vocabulary, norm weights of 1.0 and seeded N(0, 0.5) weight matrices (one seeded stream per tensor).
/// </summary>
public static class SyntheticModelBuilder
{
    public const float WeightStandardDeviation = 0.5f;

    public const float RmsEpsilon = 1e-5f;

    public const float RopeFrequencyBase = 500000f;

    /// <summary>The writer for <paramref name="spec"/>; nothing is generated until it writes.</summary>
    public static GgufWriter Build(SyntheticModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var shape = spec.Shape;
        var vocabulary = SyntheticVocabulary.Build(spec.VocabularySize);

        var writer = new GgufWriter()
            .Add("general.architecture", GgufValue.String("llama"))
            .Add("general.name", GgufValue.String(spec.Name))
            .Add("general.alignment", GgufValue.UInt32(GgufWriter.Alignment))
            .Add("general.file_type", GgufValue.UInt32((uint)spec.TensorType))
            .Add("llama.context_length", GgufValue.UInt32((uint)spec.ContextLength))
            .Add("llama.embedding_length", GgufValue.UInt32((uint)spec.EmbeddingLength))
            .Add("llama.block_count", GgufValue.UInt32((uint)spec.BlockCount))
            .Add("llama.feed_forward_length", GgufValue.UInt32((uint)spec.FeedForwardLength))
            .Add("llama.rope.dimension_count", GgufValue.UInt32((uint)shape.HeadDimension))
            .Add("llama.rope.freq_base", GgufValue.Float32(RopeFrequencyBase))
            .Add("llama.attention.head_count", GgufValue.UInt32((uint)spec.HeadCount))
            .Add("llama.attention.head_count_kv", GgufValue.UInt32((uint)spec.HeadCountKv))
            .Add("llama.attention.layer_norm_rms_epsilon", GgufValue.Float32(RmsEpsilon))
            .Add("llama.vocab_size", GgufValue.UInt32((uint)spec.VocabularySize))
            .Add("tokenizer.ggml.model", GgufValue.String("llama"))
            .Add("tokenizer.ggml.tokens", GgufValue.StringArray(vocabulary.Tokens))
            .Add("tokenizer.ggml.scores", GgufValue.Float32Array(vocabulary.Scores))
            .Add("tokenizer.ggml.token_type", GgufValue.Int32Array(vocabulary.Types))
            .Add("tokenizer.ggml.bos_token_id", GgufValue.UInt32(SyntheticVocabulary.Bos))
            .Add("tokenizer.ggml.eos_token_id", GgufValue.UInt32(SyntheticVocabulary.Eos))
            .Add("tokenizer.ggml.unknown_token_id", GgufValue.UInt32(SyntheticVocabulary.Unknown));

        long d = spec.EmbeddingLength;
        long kv = shape.KvEmbeddingLength;
        long ff = spec.FeedForwardLength;
        long vocab = spec.VocabularySize;
        Matrix(writer, spec, "token_embd.weight", d, vocab);
        Norm(writer, "output_norm.weight", d);
        Matrix(writer, spec, "output.weight", d, vocab);
        for (var i = 0; i < spec.BlockCount; i++)
        {
            Norm(writer, $"blk.{i}.attn_norm.weight", d);
            Matrix(writer, spec, $"blk.{i}.attn_q.weight", d, d);
            Matrix(writer, spec, $"blk.{i}.attn_k.weight", d, kv);
            Matrix(writer, spec, $"blk.{i}.attn_v.weight", d, kv);
            Matrix(writer, spec, $"blk.{i}.attn_output.weight", d, d);
            Norm(writer, $"blk.{i}.ffn_norm.weight", d);
            Matrix(writer, spec, $"blk.{i}.ffn_gate.weight", d, ff);
            Matrix(writer, spec, $"blk.{i}.ffn_up.weight", d, ff);
            Matrix(writer, spec, $"blk.{i}.ffn_down.weight", ff, d);
        }

        return writer;
    }

    private static void Matrix(GgufWriter writer, SyntheticModelSpec spec, string name, long inner, long outer)
    {
        var seed = SeededGaussian.Derive(spec.Seed, name);
        writer.AddTensor(new GgufTensor(name, spec.TensorType, [inner, outer],
            () => new SeededGaussian(seed, WeightStandardDeviation).Fill));
    }

    private static void Norm(GgufWriter writer, string name, long length) =>
        writer.AddTensor(new GgufTensor(name, GgmlType.F32, [length], () => destination => destination.Fill(1f)));
}

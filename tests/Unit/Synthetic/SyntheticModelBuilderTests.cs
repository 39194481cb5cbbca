using SlmEnergyBench.Harness.Synthetic;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class SyntheticModelBuilderTests
{
    private static async Task<(string Path, GgufFile File)> Write(SyntheticModelSpec spec, TempDirectory directory)
    {
        var path = directory.File("model.gguf");
        await SyntheticModelBuilder.Build(spec).WriteAsync(path, TestContext.Current.CancellationToken);
        return (path, GgufReader.Read(path));
    }

    [Fact]
    public async Task Build_TinySpec_WritesTheMetadataLlamaCppNeeds()
    {
        // Arrange
        using var directory = new TempDirectory();

        // Act
        var (_, file) = await Write(TinySpecs.Tiny(), directory);

        // Assert
        var m = file.Metadata;
        m["general.architecture"].As<string>().Should().Be("llama");
        m["general.name"].As<string>().Should().Be("synthetic-test-tiny");
        m["general.alignment"].As<uint>().Should().Be(32);
        m["llama.context_length"].As<uint>().Should().Be(256);
        m["llama.embedding_length"].As<uint>().Should().Be(64);
        m["llama.block_count"].As<uint>().Should().Be(2);
        m["llama.feed_forward_length"].As<uint>().Should().Be(128);
        m["llama.rope.dimension_count"].As<uint>().Should().Be(16);
        m["llama.attention.head_count"].As<uint>().Should().Be(4);
        m["llama.attention.head_count_kv"].As<uint>().Should().Be(2);
        m["llama.attention.layer_norm_rms_epsilon"].As<float>().Should().Be(1e-5f);
        m["tokenizer.ggml.model"].As<string>().Should().Be("llama");
        m["tokenizer.ggml.tokens"].As<string[]>().Should().HaveCount(600);
        m["tokenizer.ggml.scores"].As<float[]>().Should().HaveCount(600);
        m["tokenizer.ggml.token_type"].As<int[]>().Should().HaveCount(600);
        m["tokenizer.ggml.bos_token_id"].As<uint>().Should().Be(1);
        m["tokenizer.ggml.eos_token_id"].As<uint>().Should().Be(2);
        m["tokenizer.ggml.unknown_token_id"].As<uint>().Should().Be(0);
    }

    [Fact]
    public async Task Build_TinyQ4Spec_WritesEveryTensorWithItsShapeAlignedAndTheExactFileLength()
    {
        // Arrange
        using var directory = new TempDirectory();
        var spec = TinySpecs.Tiny(GgmlType.Q4_0);

        // Act
        var (path, file) = await Write(spec, directory);

        // Assert
        file.Tensors.Should().HaveCount(3 + (9 * spec.BlockCount));
        var byName = file.Tensors.ToDictionary(t => t.Name);
        byName["token_embd.weight"].Dimensions.Should().Equal(64L, 600L);
        byName["output.weight"].Dimensions.Should().Equal(64L, 600L);
        byName["output_norm.weight"].Type.Should().Be(GgmlType.F32);
        byName["blk.1.attn_k.weight"].Dimensions.Should().Equal(64L, 32L);
        byName["blk.1.ffn_down.weight"].Dimensions.Should().Equal(128L, 64L);
        byName["blk.1.ffn_gate.weight"].Type.Should().Be(GgmlType.Q4_0);
        file.Tensors.Where(t => t.Name.EndsWith("norm.weight", StringComparison.Ordinal)).Should().HaveCount(5).And.OnlyContain(t => t.Type == GgmlType.F32);
        file.Tensors.Should().OnlyContain(t => t.Offset % 32 == 0);
        var last = file.Tensors[^1];
        new FileInfo(path).Length.Should().Be(file.DataOffset + (long)last.Offset + last.ByteCount);
        new FileInfo(path).Length.Should().Be(SyntheticModelBuilder.Build(spec).FileLength());
    }

    [Fact]
    public async Task Build_TinyF32Spec_HasUnitNormsAndHalfStandardDeviationWeights()
    {
        // Arrange
        using var directory = new TempDirectory();

        // Act
        var (path, file) = await Write(TinySpecs.Tiny(), directory);

        // Assert
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        float[] Values(string name)
        {
            var info = file.Tensors.Single(t => t.Name == name);
            var start = (int)(file.DataOffset + (long)info.Offset);
            return [.. Enumerable.Range(0, (int)info.ElementCount).Select(i => BitConverter.ToSingle(bytes, start + (4 * i)))];
        }

        Values("blk.0.ffn_norm.weight").Should().HaveCount(64).And.OnlyContain(v => v == 1f);
        var weights = Values("token_embd.weight");
        var sd = Math.Sqrt(weights.Average(v => (double)v * v));
        sd.Should().BeApproximately(0.5, 0.02);
        Values("blk.0.attn_q.weight").Take(8).Should().NotEqual(Values("blk.1.attn_q.weight").Take(8), "each tensor has its own stream");
    }
}

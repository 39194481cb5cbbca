using SlmEnergyBench.Harness.Embedded;

namespace SlmEnergyBench.Unit.Embedded;

public sealed class OneSequenceEngineTests
{
    [Fact]
    public void ContextParameters_OneSequence_KvCacheNotUnifiedAndPerfCountersOn()
    {
        // Arrange: the synthetic profile's context (energybench.json: 512 tokens, 1 thread); the file is not opened.
        const string path = "/models/synthetic-1b-scaled.gguf";

        // Act
        var native = OneSequenceEngine.ContextParameters(path, 512, 1);

        // Assert: llama.cpp's per-batch checks cover one sequence, not all 256 a unified cache allows, and its counters run.
        native.kv_unified.Should().BeFalse("a unified KV cache makes every llama_decode check 256 sequences outside llama.cpp's own timer");
        native.no_perf.Should().BeFalse("llama.cpp's perf counters give the engine's decode rate beside the harness's");
        native.n_seq_max.Should().Be(1u);
        native.n_ctx.Should().Be(512u);
        native.n_threads.Should().Be(1);
        native.n_threads_batch.Should().Be(1);
    }
}

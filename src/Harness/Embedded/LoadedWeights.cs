using LLama;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>A model file's weights, loaded once and shared by the contexts that decode it (one at a time).</summary>
internal sealed record LoadedWeights(ModelFile File, LLamaWeights Weights) : IDisposable
{
    public void Dispose() => Weights.Dispose();
}

using LLama.Sampling;
using SlmEnergyBench.Harness.Backends;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>The sampler both decoding paths give a request.</summary>
internal static class RequestSampler
{
    /// <summary>
    /// LLamaSharp's <see cref="DefaultSamplingPipeline"/> with the request's temperature, seed and top-p (1.0 when unset); top-k,
    /// min-p and repetition penalties stay LLamaSharp's defaults. The caller disposes it.
    /// </summary>
    public static DefaultSamplingPipeline For(CompletionRequest request) =>
        new() { Temperature = (float)request.Temperature, Seed = request.Seed, TopP = (float)(request.TopP ?? 1.0) };
}

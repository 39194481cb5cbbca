namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// A backend that can say how it runs a model (as far as the server reveals it), so a multi-runtime report can say which
/// settings differed between runtimes: sampler defaults, context size, threads, GPU offload, parallel slots, version.
/// </summary>
public interface IRevealsSettings
{
    /// <summary>
    /// Setting name → value as the server states it, for <paramref name="model"/> (the name this backend requests it by).
    /// Standard names where the server gives them: <c>version</c>, <c>context_tokens</c>, <c>threads</c>, <c>gpu_layers</c>,
    /// <c>parallel_slots</c>, <c>temperature_default</c>, <c>top_p_default</c>, <c>top_k_default</c>, <c>min_p_default</c>,
    /// <c>repeat_penalty_default</c>, <c>quantization</c>, <c>model_file</c>. Never throws: what cannot be read is left out
    /// (an empty dictionary when nothing can).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> SettingsAsync(string model, CancellationToken cancellationToken);
}

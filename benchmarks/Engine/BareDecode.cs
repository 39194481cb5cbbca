using SlmEnergyBench.Harness.Backends;

namespace SlmEnergyBench.Benchmarks.Engine;

/// <summary>What <see cref="BareDecodeLoop"/> saw of one answer.</summary>
/// <param name="Tokens">Output tokens generated (the end-of-generation token, if sampled, not counted).</param>
/// <param name="ClockS">Seconds from the first token's sampling to the end, by a Stopwatch.</param>
/// <param name="SamplingS">Seconds inside the sampler, each token's after the first (those inside <paramref name="ClockS"/>), by a Stopwatch.</param>
/// <param name="Engine">llama.cpp's perf counters for the answer.</param>
internal sealed record BareDecode(int Tokens, double ClockS, double SamplingS, EngineTimings Engine);

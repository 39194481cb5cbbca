namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>
/// Decode tokens/s of each model in each round, indexed [model][round]: <paramref name="Engine"/> from llama.cpp's own
/// counters (decode tokens / decode time), <paramref name="Harness"/> as the case line shows it (completion tokens /
/// the harness's decode window, which also holds the sampling).
/// </summary>
internal sealed record LadderDecodeRates(double[][] Engine, double[][] Harness);

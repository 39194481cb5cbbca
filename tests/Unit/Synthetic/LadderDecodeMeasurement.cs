using SlmEnergyBench.Harness.Backends;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Embedded;
using SlmEnergyBench.Harness.Synthetic;
using SlmEnergyBench.Harness.Timing;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>
/// Measures the decode rates of synthetic models through the product's in-process engine
/// (<see cref="LlamaSharpBackend"/>) with a profile's engine and generation settings, the rate read from llama.cpp's own
/// counters (<see cref="EngineTimings"/>) and from the harness's decode window. Each model has its own backend, so every
/// model stays loaded; after one warm-up request each, the models take turns (round 1: first, second, third; round 2:
/// first, second, third; ...) so that load from other processes on the machine falls on all of them alike, and a
/// ratio can be taken within each round.
/// </summary>
internal static class LadderDecodeMeasurement
{
    private static readonly string[] Prompts =
    [
        "Give three tips for staying healthy.",
        "Explain why the sky is blue.",
        "Write a short poem about water.",
        "Describe a simple model of the world.",
    ];

    /// <summary>
    /// Decode rates of each spec in each of <paramref name="rounds"/> rounds (one request of up to
    /// <c>Generation:MaxTokens</c> tokens per model and round). Models are written into <paramref name="cacheDirectory"/>
    /// first when missing.
    /// </summary>
    public static async Task<LadderDecodeRates> MeasureAsync(
        IReadOnlyList<SyntheticModelSpec> specs, BenchOptions options, int rounds, string cacheDirectory, CancellationToken ct)
    {
        var root = RepositoryPaths.FindRoot();
        var source = SyntheticModelSource.For(cacheDirectory, specs.Except(SyntheticModels.All));
        var backends = specs.Select(_ => new LlamaSharpBackend(options.Embedded, new EmbeddedModelResolver(options.Embedded, root, source), new SessionClock())).ToList();
        try
        {
            for (var m = 0; m < specs.Count; m++)
                await backends[m].CompleteAsync(Request(specs[m], "Warm up.", options.Generation), ct);

            var engine = specs.Select(_ => new double[rounds]).ToArray();
            var harness = specs.Select(_ => new double[rounds]).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var m = 0; m < specs.Count; m++)
                {
                    var result = await backends[m].CompleteAsync(Request(specs[m], Prompts[round % Prompts.Length], options.Generation), ct);
                    engine[m][round] = result.Engine?.DecodeTokensPerSecond
                        ?? throw new InvalidOperationException($"{specs[m].Name}: llama.cpp reported no decode time");
                    harness[m][round] = result.CompletionTokens!.Value / result.DecodeS!.Value;
                }
            }

            return new LadderDecodeRates(engine, harness);
        }
        finally
        {
            foreach (var backend in backends)
                backend.Dispose();
        }
    }

    private static CompletionRequest Request(SyntheticModelSpec spec, string prompt, GenerationOptions g) =>
        new(spec.Name, prompt, g.MaxTokens, g.Temperature, g.TopP, g.Seed);
}

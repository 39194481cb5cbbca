using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>Loads a GGUF with LLamaSharp on the CPU and generates tokens with a seeded sampler.</summary>
internal static class SyntheticGeneration
{
    public const uint ContextTokens = 512;

    public static ModelParams Parameters(string modelPath) => new(modelPath)
    {
        ContextSize = ContextTokens,
        GpuLayerCount = 0,
        Threads = Environment.ProcessorCount,
    };

    public static LLamaWeights Load(string path)
    {
        NativeLogConfig.llama_log_set((_, _) => { });
        return LLamaWeights.LoadFromFile(Parameters(path));
    }

    /// <summary>Generates up to <paramref name="maxTokens"/> tokens after <paramref name="prompt"/> in a fresh context.</summary>
    public static async Task<GenerationRun> GenerateAsync(LLamaWeights weights, string prompt, int maxTokens, uint seed, CancellationToken ct)
    {
        using var context = weights.CreateContext(Parameters(modelPath: ""));
        using var sampler = new DefaultSamplingPipeline { Seed = seed, PreventEOS = true };
        var decoder = new StreamingTokenDecoder(context);
        var promptTokens = context.Tokenize(prompt, addBos: true, special: false);
        var batch = new LLamaBatch();
        batch.AddRange(promptTokens, 0, LLamaSeqId.Zero, true);

        var clock = Stopwatch.StartNew();
        await Decode(context, batch, ct);
        var promptElapsed = clock.Elapsed;
        var generated = new List<int>(maxTokens);
        for (var position = promptTokens.Length; generated.Count < maxTokens; position++)
        {
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            generated.Add((int)token);
            decoder.Add(token);
            batch.Clear();
            batch.Add(token, position, LLamaSeqId.Zero, true);
            await Decode(context, batch, ct);
        }

        return new GenerationRun(promptTokens.Length, generated, decoder.Read(), promptElapsed, clock.Elapsed - promptElapsed);
    }

    private static async Task Decode(LLamaContext context, LLamaBatch batch, CancellationToken ct)
    {
        var result = await context.DecodeAsync(batch, ct);
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode returned {result}");
    }
}

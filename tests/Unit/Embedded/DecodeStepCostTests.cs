using System.Diagnostics;
using System.Globalization;
using LLama;
using LLama.Common;
using LLama.Native;
using SlmEnergyBench.Harness.Configuration;
using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Embedded;

/// <summary>
/// llama.cpp's own cost of one decode step of N sequences (one token each, one llama_decode), without the harness, on the
/// smallest ladder model: what batching can gain at most on this machine. Explicit (run with
/// <c>dotnet test tests/Unit --filter "FullyQualifiedName~DecodeStepCostTests" --logger "console;verbosity=detailed" -- xUnit.Explicit=only</c>);
/// its numbers are for the README and closing notes, not for CI.
/// </summary>
public sealed class DecodeStepCostTests
{
    private const int Steps = 20;
    private const int Rounds = 5;
    private static readonly int[] Sequences = [1, 2, 4, 8];

    [Fact(Explicit = true)]
    public async Task DecodeStep_OneToEightSequences_PrintsBestMillisecondsPerStep()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var cache = RepositoryPaths.Resolve(RepositoryPaths.FindRoot(), new EmbeddedOptions().SyntheticCacheDirectory);
        var file = await SyntheticModelCache.EnsureAsync(SyntheticModels.OneBScaled, cache, ct);
        using var weights = await LLamaWeights.LoadFromFileAsync(new ModelParams(file.Path), ct);
        var contexts = Sequences.Select(n => weights.CreateContext(new ModelParams(file.Path)
        {
            ContextSize = (uint)(256 * n),
            SeqMax = (uint)n,
            KVUnified = false,
            Threads = 1,
            BatchThreads = 1,
        })).ToArray();
        var best = Sequences.Select(_ => double.MaxValue).ToArray();

        // Act: the best of interleaved rounds, so a busy moment of a shared machine spreads over every size.
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < Sequences.Length; k++)
                best[k] = Math.Min(best[k], MillisecondsPerStep(contexts[k].NativeHandle, Sequences[k]));
        }

        // Assert
        for (var k = 0; k < Sequences.Length; k++)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SyntheticModels.OneBScaled.Name}, 1 thread, {Sequences[k]} sequence(s): {best[k]:F2} ms per llama_decode = {Sequences[k] * 1000 / best[k]:F0} tok/s"));
        }

        foreach (var context in contexts)
            context.Dispose();
        best.Should().OnlyContain(ms => ms > 0 && ms < double.MaxValue);
    }

    private static double MillisecondsPerStep(SafeLLamaContextHandle context, int sequences)
    {
        context.MemoryClear(true);
        var batch = new LLamaBatch();
        for (var s = 0; s < sequences; s++)
        {
            for (var p = 0; p < 8; p++)
                batch.Add((LLamaToken)(10 + p), p, (LLamaSeqId)s, p == 7);
        }

        Decode(context, batch);
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < Steps; step++)
        {
            batch.Clear();
            for (var s = 0; s < sequences; s++)
                batch.Add((LLamaToken)(20 + step), 8 + step, (LLamaSeqId)s, true);
            Decode(context, batch);
        }

        return clock.Elapsed.TotalMilliseconds / Steps;
    }

    private static void Decode(SafeLLamaContextHandle context, LLamaBatch batch)
    {
        context.Decode(batch).Should().Be(DecodeResult.Ok);
        context.Synchronize();
    }
}

using System.Buffers;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// A seeded stream of normally distributed floats (SplitMix64 and the Box-Muller transform; this code's own
/// generator, not <see cref="Random"/>'s, which may change between .NET versions). The stream is cut into blocks of
/// <see cref="BlockSize"/> values, each from its own seed derived from the stream's seed and the block's index, so
/// blocks are generated in parallel and the values never depend on the thread count or the chunk sizes asked for.
/// </summary>
public sealed class SeededGaussian
{
    public const int BlockSize = 8192;

    private readonly ulong _seed;
    private readonly float _standardDeviation;
    private long _position;

    public SeededGaussian(ulong seed, float standardDeviation)
    {
        _seed = seed;
        _standardDeviation = standardDeviation;
    }

    /// <summary>A seed for one named stream (e.g. a tensor) derived from a model seed, stable across runs.</summary>
    public static ulong Derive(ulong seed, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 14695981039346656037UL; // FNV-1a
        foreach (var c in name)
            hash = (hash ^ c) * 1099511628211UL;
        var state = seed ^ hash;
        return Next(ref state);
    }

    /// <summary>Fills <paramref name="destination"/> with the stream's next values; usable as a <see cref="TensorFill"/>.</summary>
    public void Fill(Span<float> destination)
    {
        var start = _position;
        var end = start + destination.Length;
        var firstBlock = start / BlockSize;
        var blocks = (int)((end + BlockSize - 1) / BlockSize - firstBlock);
        var buffer = ArrayPool<float>.Shared.Rent(destination.Length);
        try
        {
            var target = buffer.AsMemory(0, destination.Length);
            Parallel.For(0, blocks, i =>
            {
                var block = firstBlock + i;
                var blockStart = block * BlockSize;
                var from = Math.Max(start, blockStart);
                var to = Math.Min(end, blockStart + BlockSize);
                var values = target.Span.Slice((int)(from - start), (int)(to - from));
                if (from == blockStart && to == blockStart + BlockSize)
                {
                    GenerateBlock(block, values);
                }
                else
                {
                    Span<float> whole = stackalloc float[BlockSize];
                    GenerateBlock(block, whole);
                    whole.Slice((int)(from - blockStart), values.Length).CopyTo(values);
                }
            });
            target.Span.CopyTo(destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        _position = end;
    }

    private void GenerateBlock(long block, Span<float> values)
    {
        var state = _seed ^ ((ulong)block * 0xD1B54A32D192ED03UL);
        for (var i = 0; i < BlockSize; i += 2)
        {
            // u1 in (0, 1] so the logarithm stays finite; u2 in [0, 1).
            var u1 = ((Next(ref state) >> 40) + 1) * (1f / (1 << 24));
            var u2 = (Next(ref state) >> 40) * (1f / (1 << 24));
            var radius = MathF.Sqrt(-2f * MathF.Log(u1)) * _standardDeviation;
            var (sin, cos) = MathF.SinCos(2f * MathF.PI * u2);
            values[i] = radius * cos;
            values[i + 1] = radius * sin;
        }
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

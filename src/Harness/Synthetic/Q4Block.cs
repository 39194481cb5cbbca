using System.Buffers.Binary;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// ggml's Q4_0 as its <c>quantize_row_q4_0_ref</c> writes it: per block of 32 weights the scale
/// d = (the value of largest magnitude) / -8 as an f16, then 16 bytes whose low nibbles hold elements 0..15
/// and high nibbles elements 16..31, each as min(15, trunc(x / d + 8.5)).
/// </summary>
public static class Q4Block
{
    public const int Elements = 32;

    public const int Bytes = 18;

    /// <summary>Quantizes whole blocks of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void Quantize(ReadOnlySpan<float> source, Span<byte> destination)
    {
        if (source.Length % Elements != 0)
            throw new ArgumentException($"Q4_0 needs a multiple of {Elements} values, not {source.Length}", nameof(source));
        var blocks = source.Length / Elements;
        if (destination.Length < blocks * Bytes)
            throw new ArgumentException($"{blocks} blocks need {blocks * Bytes} bytes", nameof(destination));

        for (var b = 0; b < blocks; b++)
            QuantizeBlock(source.Slice(b * Elements, Elements), destination.Slice(b * Bytes, Bytes));
    }

    private static void QuantizeBlock(ReadOnlySpan<float> x, Span<byte> y)
    {
        var amax = 0f;
        var max = 0f;
        foreach (var v in x)
        {
            if (amax < MathF.Abs(v))
            {
                amax = MathF.Abs(v);
                max = v;
            }
        }

        var d = max / -8f;
        var id = d != 0f ? 1f / d : 0f;
        BinaryPrimitives.WriteHalfLittleEndian(y, (Half)d);
        for (var j = 0; j < Elements / 2; j++)
        {
            var low = Math.Min(15, (int)(x[j] * id + 8.5f));
            var high = Math.Min(15, (int)(x[j + Elements / 2] * id + 8.5f));
            y[2 + j] = (byte)(low | (high << 4));
        }
    }
}

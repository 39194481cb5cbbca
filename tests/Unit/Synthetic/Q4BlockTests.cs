using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class Q4BlockTests
{
    [Fact]
    public void Quantize_BlockWhoseLargestMagnitudeIsMinusEight_HasScaleOneAndRoundsHalfUp()
    {
        // Arrange: the largest magnitude is -8, so d = -8 / -8 = 1 and each nibble is min(15, trunc(x + 8.5)).
        float[] low = [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7];
        float[] high = [7.6f, -0.6f, -0.4f, 0.4f, 0.6f, 1.49f, 1.51f, -7.4f, -7.6f, 0, 0, 0, 0, 0, 0, 0];
        var bytes = new byte[Q4Block.Bytes];

        // Act
        Q4Block.Quantize([.. low, .. high], bytes);

        // Assert: f16 1.0 is 0x3C00; low nibbles 0..15 hold elements 0..15, high nibbles elements 16..31
        // (7.6 -> 16 clamped to 15, -0.6 -> 7, -0.4 -> 8, 0.4 -> 8, 0.6 -> 9, 1.49 -> 9, 1.51 -> 10, -7.4 -> 1, -7.6 -> 0, 0 -> 8).
        bytes.Should().Equal(
            0x00, 0x3C,
            0xF0, 0x71, 0x82, 0x83, 0x94, 0x95, 0xA6, 0x17, 0x08, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F);
    }

    [Fact]
    public void Quantize_BlockWhoseLargestMagnitudeIsPositive_HasNegativeScale()
    {
        // Arrange: max 4 gives d = -0.5 (f16 0xB800) and 1/d = -2: 4 -> trunc(0.5) = 0, -4 -> trunc(16.5) = 16 -> 15, 0 -> 8.
        var values = new float[32];
        values[0] = 4;
        values[16] = -4;
        values[1] = 1;
        values[17] = -1;
        var bytes = new byte[Q4Block.Bytes];

        // Act
        Q4Block.Quantize(values, bytes);

        // Assert: 1 -> trunc(6.5) = 6, -1 -> trunc(10.5) = 10.
        bytes.Should().Equal(
            0x00, 0xB8,
            0xF0, 0xA6, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88, 0x88);
    }

    [Fact]
    public void Quantize_TwoBlocksWithTheSecondAllZero_WritesThirtySixBytesAndANegativeZeroScale()
    {
        // Arrange
        var values = new float[64];
        values[5] = -8;
        var bytes = new byte[2 * Q4Block.Bytes];

        // Act
        Q4Block.Quantize(values, bytes);

        // Assert: like ggml, 0 / -8 is -0.0 (f16 0x8000) and every nibble is trunc(0 + 8.5) = 8.
        bytes[Q4Block.Bytes..].Should().Equal(new byte[] { 0x00, 0x80 }.Concat(Enumerable.Repeat((byte)0x88, 16)));
        bytes[2 + 5].Should().Be(0x80, "-8 is nibble 0, its partner element 21 (zero) is nibble 8");
    }

    [Fact]
    public void Quantize_LengthNotAMultipleOfThirtyTwo_Throws()
    {
        // Act
        var act = () => Q4Block.Quantize(new float[33], new byte[36]);

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("Q4_0 needs a multiple of 32 values, not 33*");
    }
}

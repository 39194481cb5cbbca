using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class SeededGaussianTests
{
    private static float[] Draw(ulong seed, int count, params int[] chunks)
    {
        var gaussian = new SeededGaussian(seed, 0.5f);
        var values = new float[count];
        var done = 0;
        for (var i = 0; done < count; i++)
        {
            var size = chunks.Length == 0 ? count : Math.Min(chunks[i % chunks.Length], count - done);
            gaussian.Fill(values.AsSpan(done, size));
            done += size;
        }

        return values;
    }

    [Fact]
    public void Fill_SameSeedInDifferentChunkSizes_GivesTheSameValues()
    {
        // Act
        var whole = Draw(7, 3 * SeededGaussian.BlockSize + 5);
        var chunked = Draw(7, 3 * SeededGaussian.BlockSize + 5, 3, 1, SeededGaussian.BlockSize + 1, 4097);

        // Assert
        chunked.Should().Equal(whole);
    }

    [Fact]
    public void Fill_DifferentSeeds_GiveDifferentValues()
    {
        // Act
        var a = Draw(1, 1000);
        var b = Draw(2, 1000);

        // Assert
        a.Zip(b).Count(p => p.First == p.Second).Should().BeLessThan(5);
    }

    [Fact]
    public void Fill_ManyValues_HaveMeanZeroAndStandardDeviationHalf()
    {
        // Act
        var values = Draw(42, 200_000);

        // Assert
        var mean = values.Average(v => (double)v);
        var sd = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        mean.Should().BeApproximately(0, 0.01);
        sd.Should().BeApproximately(0.5, 0.01);
        values.Count(v => Math.Abs(v) > 1).Should().BeInRange(8_400, 9_800, "about 4.55% lie beyond two standard deviations");
    }

    [Fact]
    public void Derive_TwoTensorNames_GiveDifferentStableSeeds()
    {
        // Act
        var q = SeededGaussian.Derive(42, "blk.0.attn_q.weight");
        var k = SeededGaussian.Derive(42, "blk.0.attn_k.weight");

        // Assert
        q.Should().NotBe(k);
        SeededGaussian.Derive(42, "blk.0.attn_q.weight").Should().Be(q);
        SeededGaussian.Derive(43, "blk.0.attn_q.weight").Should().NotBe(q);
    }
}

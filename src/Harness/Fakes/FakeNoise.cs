using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// A fake server's run-to-run jitter (<see cref="FakeOptions.NoisePercent"/>, seeded by <see cref="FakeOptions.NoiseSeed"/>):
/// factors 1 + N(0, NoisePercent/100) by Box-Muller, never below 0.5; exactly 1 without noise.
/// </summary>
internal sealed class FakeNoise(FakeOptions options)
{
    private readonly Random _random = options.NoiseSeed == 0 ? new Random() : new Random(options.NoiseSeed);
    private readonly Lock _lock = new();

    /// <summary>The next factor.</summary>
    public double Next()
    {
        if (options.NoisePercent <= 0)
            return 1;
        lock (_lock)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            return Math.Max(0.5, 1 + (gaussian * options.NoisePercent / 100));
        }
    }
}

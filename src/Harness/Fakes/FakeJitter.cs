using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Harness.Fakes;

/// <summary>
/// A fake's run-to-run variation (<see cref="FakeOptions.NoisePercent"/>, seeded by <see cref="FakeOptions.NoiseSeed"/>):
/// factors that multiply a request's speed or power, as real machines vary.
/// </summary>
internal sealed class FakeJitter(FakeOptions options)
{
    private readonly Random _noise = options.NoiseSeed == 0 ? new Random() : new Random(options.NoiseSeed);
    private readonly Lock _gate = new();

    /// <summary>1 + N(0, NoisePercent/100) (Box-Muller), never below 0.5; exactly 1 without noise.</summary>
    public double Next()
    {
        if (options.NoisePercent <= 0)
            return 1;
        lock (_gate)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
            return Math.Max(0.5, 1 + (gaussian * options.NoisePercent / 100));
        }
    }
}

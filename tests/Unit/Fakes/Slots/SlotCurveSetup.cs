using SlmEnergyBench.Harness.Configuration;

namespace SlmEnergyBench.Unit.Fakes.Slots;

/// <summary>The slot curve of issue 12's example: each stream slower and the server hungrier as slots fill.</summary>
internal static class SlotCurveSetup
{
    /// <summary>Active 1 → (1.0, 1.0), 2 → (0.9, 1.3), 4 → (0.75, 1.8), 8 → (0.55, 2.6) as (SpeedFactor, PowerFactor).</summary>
    public static List<FakeSlotPoint> Curve() =>
    [
        new FakeSlotPoint { Active = 1, SpeedFactor = 1.0, PowerFactor = 1.0 },
        new FakeSlotPoint { Active = 2, SpeedFactor = 0.9, PowerFactor = 1.3 },
        new FakeSlotPoint { Active = 4, SpeedFactor = 0.75, PowerFactor = 1.8 },
        new FakeSlotPoint { Active = 8, SpeedFactor = 0.55, PowerFactor = 2.6 },
    ];

    /// <summary><paramref name="options"/> with <paramref name="slots"/> slots and <see cref="Curve"/>.</summary>
    public static FakeOptions Batching(FakeOptions options, int slots)
    {
        options.Slots = slots;
        options.SlotCurve = Curve();
        return options;
    }
}

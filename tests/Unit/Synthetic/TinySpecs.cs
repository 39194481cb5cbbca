using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

/// <summary>Small specs that write in milliseconds.</summary>
internal static class TinySpecs
{
    public static SyntheticModelSpec Tiny(GgmlType type = GgmlType.F32, uint seed = 1) =>
        new("synthetic-test-tiny", 64, 2, 128, 4, 2, 600, 256, type, seed);
}

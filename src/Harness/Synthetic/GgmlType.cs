namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>The tensor element types this writer supports (their numbers are ggml's).</summary>
public enum GgmlType : uint
{
    /// <summary>32-bit floats.</summary>
    F32 = 0,

    /// <summary>IEEE half floats.</summary>
    F16 = 1,

    /// <summary>Blocks of 32 weights: an f16 scale, then 16 bytes of 4-bit values (18 bytes).</summary>
    Q4_0 = 2,
}

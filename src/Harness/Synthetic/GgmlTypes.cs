namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>Sizes of the ggml element types.</summary>
public static class GgmlTypes
{
    /// <summary>Elements per block: 32 for <see cref="GgmlType.Q4_0"/>, 1 otherwise.</summary>
    public static int BlockElements(GgmlType type) => type switch
    {
        GgmlType.F32 or GgmlType.F16 => 1,
        GgmlType.Q4_0 => Q4Block.Elements,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported ggml type"),
    };

    /// <summary>Bytes per block.</summary>
    public static int BlockBytes(GgmlType type) => type switch
    {
        GgmlType.F32 => 4,
        GgmlType.F16 => 2,
        GgmlType.Q4_0 => Q4Block.Bytes,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported ggml type"),
    };

    /// <summary>Bytes of one row of <paramref name="elements"/> elements (a whole number of blocks).</summary>
    public static long RowBytes(GgmlType type, long elements)
    {
        var block = BlockElements(type);
        if (elements % block != 0)
            throw new ArgumentException($"a {type} row needs a multiple of {block} elements, not {elements}", nameof(elements));
        return elements / block * BlockBytes(type);
    }
}

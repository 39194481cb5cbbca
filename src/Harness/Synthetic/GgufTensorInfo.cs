namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>A tensor's entry in a GGUF file: dimensions innermost first, offset relative to the data section.</summary>
public sealed record GgufTensorInfo(string Name, GgmlType Type, IReadOnlyList<long> Dimensions, ulong Offset)
{
    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => product * d);

    /// <summary>Bytes of the tensor's data (rows along the first dimension).</summary>
    public long ByteCount => GgmlTypes.RowBytes(Type, Dimensions[0]) * (ElementCount / Dimensions[0]);
}

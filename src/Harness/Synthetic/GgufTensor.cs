namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// A tensor to write: its name, type, dimensions (innermost first) and where its values come from:
/// <paramref name="Open"/> starts a fresh <see cref="TensorFill"/> for each write, so writing twice gives the same bytes.
/// </summary>
public sealed record GgufTensor(string Name, GgmlType Type, IReadOnlyList<long> Dimensions, Func<TensorFill> Open)
{
    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => product * d);

    public long ByteCount => GgmlTypes.RowBytes(Type, Dimensions[0]) * (ElementCount / Dimensions[0]);
}

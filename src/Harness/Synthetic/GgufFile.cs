namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// What <see cref="GgufReader"/> reads from a GGUF file: everything but the tensor data.
/// <see cref="DataOffset"/> is the absolute position of the data section, to which tensor offsets are relative.
/// </summary>
public sealed record GgufFile(
    uint Version,
    IReadOnlyDictionary<string, GgufValue> Metadata,
    IReadOnlyList<GgufTensorInfo> Tensors,
    uint Alignment,
    long DataOffset);

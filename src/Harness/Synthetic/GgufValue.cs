namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// One GGUF metadata value: a scalar (<c>uint</c>, <c>int</c>, <c>float</c>, <c>bool</c>, <c>string</c>, <c>ulong</c>)
/// or an array of strings, floats or ints; <see cref="ElementType"/> names an array's element type.
/// </summary>
public sealed record GgufValue
{
    private GgufValue(GgufValueType type, object value, GgufValueType? elementType = null)
    {
        Type = type;
        Value = value;
        ElementType = elementType;
    }

    public GgufValueType Type { get; }

    /// <summary>The element type of an array; null for a scalar.</summary>
    public GgufValueType? ElementType { get; }

    /// <summary>The value: <c>uint</c>, <c>int</c>, <c>float</c>, <c>bool</c>, <c>string</c>, <c>ulong</c>, or an array of strings, floats or ints.</summary>
    public object Value { get; }

    public static GgufValue UInt32(uint value) => new(GgufValueType.UInt32, value);

    public static GgufValue Int32(int value) => new(GgufValueType.Int32, value);

    public static GgufValue Float32(float value) => new(GgufValueType.Float32, value);

    public static GgufValue Bool(bool value) => new(GgufValueType.Bool, value);

    public static GgufValue String(string value) => new(GgufValueType.String, value);

    public static GgufValue UInt64(ulong value) => new(GgufValueType.UInt64, value);

    public static GgufValue StringArray(IReadOnlyList<string> values) =>
        new(GgufValueType.Array, values.ToArray(), GgufValueType.String);

    public static GgufValue Float32Array(IReadOnlyList<float> values) =>
        new(GgufValueType.Array, values.ToArray(), GgufValueType.Float32);

    public static GgufValue Int32Array(IReadOnlyList<int> values) =>
        new(GgufValueType.Array, values.ToArray(), GgufValueType.Int32);

    /// <summary>The value as <typeparamref name="T"/> (e.g. <c>uint</c>, <c>string[]</c>).</summary>
    public T As<T>() => Value is T typed
        ? typed
        : throw new InvalidCastException($"GGUF value of type {Type}{(ElementType is { } e ? $"[{e}]" : "")} is not a {typeof(T).Name}");
}

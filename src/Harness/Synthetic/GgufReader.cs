using System.Text;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Reads a GGUF file's header, metadata and tensor infos (not the data): enough to check what
/// <see cref="GgufWriter"/> wrote. Reads the value types the writer writes.
/// </summary>
public static class GgufReader
{
    public static GgufFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream);
    }

    public static GgufFile Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual("GGUF"u8))
                throw new InvalidDataException("not a GGUF file: the magic is not 'GGUF'");
            var version = reader.ReadUInt32();
            if (version != GgufWriter.Version)
                throw new InvalidDataException($"GGUF version {version} is not supported (only {GgufWriter.Version})");
            var tensorCount = Count(reader.ReadUInt64());
            var metadataCount = Count(reader.ReadUInt64());

            var metadata = new Dictionary<string, GgufValue>(metadataCount, StringComparer.Ordinal);
            for (var i = 0; i < metadataCount; i++)
            {
                var key = ReadString(reader);
                if (!metadata.TryAdd(key, ReadValue(reader, (GgufValueType)reader.ReadUInt32())))
                    throw new InvalidDataException($"metadata key '{key}' appears twice");
            }

            var tensors = new List<GgufTensorInfo>(tensorCount);
            for (var i = 0; i < tensorCount; i++)
            {
                var name = ReadString(reader);
                var dims = new long[reader.ReadUInt32()];
                for (var d = 0; d < dims.Length; d++)
                    dims[d] = (long)reader.ReadUInt64();
                tensors.Add(new GgufTensorInfo(name, (GgmlType)reader.ReadUInt32(), dims, reader.ReadUInt64()));
            }

            var alignment = metadata.TryGetValue(GgufWriter.AlignmentKey, out var a) ? a.As<uint>() : GgufWriter.Alignment;
            var dataOffset = (stream.Position + alignment - 1) / alignment * alignment;
            return new GgufFile(version, metadata, tensors, alignment, dataOffset);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("GGUF file ends inside its header", e);
        }
    }

    private static GgufValue ReadValue(BinaryReader reader, GgufValueType type) => type switch
    {
        GgufValueType.UInt32 => GgufValue.UInt32(reader.ReadUInt32()),
        GgufValueType.Int32 => GgufValue.Int32(reader.ReadInt32()),
        GgufValueType.Float32 => GgufValue.Float32(reader.ReadSingle()),
        GgufValueType.Bool => GgufValue.Bool(reader.ReadByte() != 0),
        GgufValueType.String => GgufValue.String(ReadString(reader)),
        GgufValueType.UInt64 => GgufValue.UInt64(reader.ReadUInt64()),
        GgufValueType.Array => ReadArray(reader),
        _ => throw new InvalidDataException($"GGUF value type {type} is not supported by this reader"),
    };

    private static GgufValue ReadArray(BinaryReader reader)
    {
        var elementType = (GgufValueType)reader.ReadUInt32();
        var count = Count(reader.ReadUInt64());
        switch (elementType)
        {
            case GgufValueType.String:
                var strings = new string[count];
                for (var i = 0; i < count; i++)
                    strings[i] = ReadString(reader);
                return GgufValue.StringArray(strings);
            case GgufValueType.Float32:
                var floats = new float[count];
                for (var i = 0; i < count; i++)
                    floats[i] = reader.ReadSingle();
                return GgufValue.Float32Array(floats);
            case GgufValueType.Int32:
                var ints = new int[count];
                for (var i = 0; i < count; i++)
                    ints[i] = reader.ReadInt32();
                return GgufValue.Int32Array(ints);
            default:
                throw new InvalidDataException($"GGUF arrays of {elementType} are not supported by this reader");
        }
    }

    private static string ReadString(BinaryReader reader) =>
        Encoding.UTF8.GetString(reader.ReadBytes(Count(reader.ReadUInt64())));

    private static int Count(ulong count) =>
        count <= int.MaxValue ? (int)count : throw new InvalidDataException($"GGUF count {count} is too large");
}

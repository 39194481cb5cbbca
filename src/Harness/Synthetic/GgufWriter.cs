using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Writes a GGUF v3 file (little-endian): header, metadata, tensor infos with offsets aligned to
/// <see cref="Alignment"/>, padding, then the tensor data, streamed a chunk of rows at a time.
/// </summary>
public sealed class GgufWriter
{
    public const uint Version = 3;

    public const int Alignment = 32;

    public const string AlignmentKey = "general.alignment";

    private static readonly byte[] Magic = "GGUF"u8.ToArray();

    /// <summary>About this many values are produced and converted at a time (at least one row).</summary>
    private const int ChunkElements = 1 << 20;

    private readonly List<KeyValuePair<string, GgufValue>> _metadata = [];
    private readonly List<GgufTensor> _tensors = [];

    public IReadOnlyList<KeyValuePair<string, GgufValue>> Metadata => _metadata;

    public IReadOnlyList<GgufTensor> Tensors => _tensors;

    /// <summary>Adds a metadata entry; <c>general.alignment</c> is written as 32 when not added.</summary>
    public GgufWriter Add(string key, GgufValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_metadata.Exists(kv => kv.Key == key))
            throw new ArgumentException($"metadata key '{key}' added twice", nameof(key));
        if (key == AlignmentKey && !(value.Type == GgufValueType.UInt32 && value.As<uint>() == Alignment))
            throw new ArgumentException($"{AlignmentKey} must be u32 {Alignment}", nameof(value));
        _metadata.Add(new(key, value));
        return this;
    }

    public GgufWriter AddTensor(GgufTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dimensions.Count is < 1 or > 4 || tensor.Dimensions.Any(d => d < 1))
            throw new ArgumentException($"tensor '{tensor.Name}' needs 1 to 4 positive dimensions", nameof(tensor));
        if (_tensors.Exists(t => t.Name == tensor.Name))
            throw new ArgumentException($"tensor '{tensor.Name}' added twice", nameof(tensor));
        _ = GgmlTypes.RowBytes(tensor.Type, tensor.Dimensions[0]);
        _tensors.Add(tensor);
        return this;
    }

    /// <summary>The tensor infos as they will be written: offsets relative to the data section, aligned.</summary>
    public IReadOnlyList<GgufTensorInfo> Layout()
    {
        var infos = new List<GgufTensorInfo>(_tensors.Count);
        ulong offset = 0;
        foreach (var tensor in _tensors)
        {
            infos.Add(new GgufTensorInfo(tensor.Name, tensor.Type, tensor.Dimensions, offset));
            offset = AlignUp(offset + (ulong)tensor.ByteCount);
        }

        return infos;
    }

    /// <summary>Writes the whole file to <paramref name="path"/>, replacing it.</summary>
    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(stream, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the whole file to <paramref name="stream"/>.</summary>
    public async Task WriteAsync(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var layout = Layout();
        await stream.WriteAsync(Head(layout), ct).ConfigureAwait(false);

        ulong written = 0;
        for (var i = 0; i < _tensors.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var padding = new byte[(int)(layout[i].Offset - written)];
            await stream.WriteAsync(padding, ct).ConfigureAwait(false);
            written = layout[i].Offset + (ulong)await WriteDataAsync(stream, _tensors[i], ct).ConfigureAwait(false);
        }

        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The exact length of the file <see cref="WriteAsync(Stream, CancellationToken)"/> writes (computed, nothing generated).</summary>
    public long FileLength()
    {
        var layout = Layout();
        var data = layout.Count == 0 ? 0 : (long)layout[^1].Offset + _tensors[^1].ByteCount;
        return Head(layout).Length + data;
    }

    /// <summary>Header, metadata, tensor infos and the padding up to the data section.</summary>
    private byte[] Head(IReadOnlyList<GgufTensorInfo> layout)
    {
        var metadata = _metadata.Exists(kv => kv.Key == AlignmentKey)
            ? _metadata
            : [new(AlignmentKey, GgufValue.UInt32(Alignment)), .. _metadata];

        var head = new MemoryStream();
        using (var writer = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((ulong)_tensors.Count);
            writer.Write((ulong)metadata.Count);
            foreach (var (key, value) in metadata)
            {
                WriteString(writer, key);
                WriteValue(writer, value);
            }

            foreach (var info in layout)
            {
                WriteString(writer, info.Name);
                writer.Write((uint)info.Dimensions.Count);
                foreach (var d in info.Dimensions)
                    writer.Write((ulong)d);
                writer.Write((uint)info.Type);
                writer.Write(info.Offset);
            }

            writer.Write(new byte[Pad((ulong)head.Length)]);
        }

        return head.ToArray();
    }

    private static async Task<long> WriteDataAsync(Stream stream, GgufTensor tensor, CancellationToken ct)
    {
        var row = tensor.Dimensions[0];
        var rows = tensor.ElementCount / row;
        var rowsPerChunk = Math.Max(1L, ChunkElements / row);
        var values = new float[rowsPerChunk * row];
        var bytes = new byte[GgmlTypes.RowBytes(tensor.Type, row) * rowsPerChunk];
        var fill = tensor.Open();
        long total = 0;
        for (long done = 0; done < rows; done += rowsPerChunk)
        {
            ct.ThrowIfCancellationRequested();
            var count = (int)(Math.Min(rowsPerChunk, rows - done) * row);
            var chunk = values.AsMemory(0, count);
            fill(chunk.Span);
            var length = Encode(tensor.Type, chunk.Span, bytes);
            await stream.WriteAsync(bytes.AsMemory(0, length), ct).ConfigureAwait(false);
            total += length;
        }

        return total;
    }

    private static int Encode(GgmlType type, ReadOnlySpan<float> values, Span<byte> bytes)
    {
        switch (type)
        {
            case GgmlType.F32:
                if (BitConverter.IsLittleEndian)
                {
                    MemoryMarshal.AsBytes(values).CopyTo(bytes);
                }
                else
                {
                    for (var i = 0; i < values.Length; i++)
                        BinaryPrimitives.WriteSingleLittleEndian(bytes[(i * 4)..], values[i]);
                }

                return values.Length * 4;
            case GgmlType.F16:
                for (var i = 0; i < values.Length; i++)
                    BinaryPrimitives.WriteHalfLittleEndian(bytes[(i * 2)..], (Half)values[i]);
                return values.Length * 2;
            case GgmlType.Q4_0:
                Q4Block.Quantize(values, bytes);
                return values.Length / Q4Block.Elements * Q4Block.Bytes;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported ggml type");
        }
    }

    private static void WriteValue(BinaryWriter writer, GgufValue value)
    {
        writer.Write((uint)value.Type);
        switch (value.Value)
        {
            case uint u: writer.Write(u); break;
            case int i: writer.Write(i); break;
            case float f: writer.Write(f); break;
            case bool b: writer.Write((byte)(b ? 1 : 0)); break;
            case string s: WriteString(writer, s); break;
            case ulong u: writer.Write(u); break;
            case string[] strings:
                writer.Write((uint)GgufValueType.String);
                writer.Write((ulong)strings.Length);
                foreach (var s in strings)
                    WriteString(writer, s);
                break;
            case float[] floats:
                writer.Write((uint)GgufValueType.Float32);
                writer.Write((ulong)floats.Length);
                foreach (var f in floats)
                    writer.Write(f);
                break;
            case int[] ints:
                writer.Write((uint)GgufValueType.Int32);
                writer.Write((ulong)ints.Length);
                foreach (var i in ints)
                    writer.Write(i);
                break;
            default:
                throw new ArgumentException($"unsupported GGUF value {value.Value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteString(BinaryWriter writer, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    internal static ulong AlignUp(ulong offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static int Pad(ulong offset) => (int)(AlignUp(offset) - offset);
}

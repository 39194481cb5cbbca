using SlmEnergyBench.Harness.Synthetic;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class GgufRoundTripTests
{
    private static TensorFill Constant(float value) => destination => destination.Fill(value);

    private static async Task<(byte[] Bytes, GgufFile File)> WriteAndRead(GgufWriter writer)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return (stream.ToArray(), GgufReader.Read(stream));
    }

    [Fact]
    public async Task Metadata_EveryValueType_ReadsBackEqual()
    {
        // Arrange
        var writer = new GgufWriter()
            .Add("u32", GgufValue.UInt32(4_000_000_000))
            .Add("i32", GgufValue.Int32(-123456))
            .Add("f32", GgufValue.Float32(1e-5f))
            .Add("bool.true", GgufValue.Bool(true))
            .Add("bool.false", GgufValue.Bool(false))
            .Add("string", GgufValue.String("\u2581water ünïcode"))
            .Add("u64", GgufValue.UInt64(ulong.MaxValue - 1))
            .Add("strings", GgufValue.StringArray(["<unk>", "", "\u2581the"]))
            .Add("floats", GgufValue.Float32Array([0f, -1.5f, float.MaxValue]))
            .Add("ints", GgufValue.Int32Array([1, 2, 3, 6, int.MinValue]));

        // Act
        var (_, file) = await WriteAndRead(writer);

        // Assert
        file.Version.Should().Be(3);
        file.Metadata.Keys.Should().Equal(
            "general.alignment", "u32", "i32", "f32", "bool.true", "bool.false", "string", "u64", "strings", "floats", "ints");
        file.Metadata["general.alignment"].Should().Be(GgufValue.UInt32(32));
        file.Metadata["u32"].As<uint>().Should().Be(4_000_000_000);
        file.Metadata["i32"].As<int>().Should().Be(-123456);
        file.Metadata["f32"].As<float>().Should().Be(1e-5f);
        file.Metadata["bool.true"].As<bool>().Should().BeTrue();
        file.Metadata["bool.false"].As<bool>().Should().BeFalse();
        file.Metadata["string"].As<string>().Should().Be("\u2581water ünïcode");
        file.Metadata["u64"].As<ulong>().Should().Be(ulong.MaxValue - 1);
        file.Metadata["strings"].ElementType.Should().Be(GgufValueType.String);
        file.Metadata["strings"].As<string[]>().Should().Equal("<unk>", "", "\u2581the");
        file.Metadata["floats"].As<float[]>().Should().Equal(0f, -1.5f, float.MaxValue);
        file.Metadata["ints"].As<int[]>().Should().Equal(1, 2, 3, 6, int.MinValue);
    }

    [Fact]
    public async Task Header_SmallFile_HasTheExactBytesOfTheFormat()
    {
        // Arrange
        var writer = new GgufWriter().Add("general.alignment", GgufValue.UInt32(32));

        // Act
        var (bytes, _) = await WriteAndRead(writer);

        // Assert: magic, version 3, 0 tensors, 1 key; key length 17, "general.alignment", type 4 (u32), 32; padded to 64.
        bytes.Should().HaveCount(64);
        bytes[..24].Should().Equal("GGUF"u8.ToArray().Concat(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }));
        bytes[24..32].Should().Equal(17, 0, 0, 0, 0, 0, 0, 0);
        bytes[49..57].Should().Equal(4, 0, 0, 0, 32, 0, 0, 0);
        bytes[57..].Should().OnlyContain(b => b == 0);
    }

    [Fact]
    public async Task Tensors_OddSizesOfEveryType_AreAlignedToThirtyTwoAndHoldTheirValues()
    {
        // Arrange: 3 floats (12 bytes), 5 halves (10 bytes), one Q4_0 row of 32 (18 bytes), a 2-D F32 tensor.
        var writer = new GgufWriter()
            .AddTensor(new GgufTensor("a", GgmlType.F32, [3], () => Constant(1.5f)))
            .AddTensor(new GgufTensor("b", GgmlType.F16, [5], () => Constant(-2f)))
            .AddTensor(new GgufTensor("c", GgmlType.Q4_0, [32], () => Constant(-8f)))
            .AddTensor(new GgufTensor("d", GgmlType.F32, [2, 3], () => Constant(0.25f)));

        // Act
        var (bytes, file) = await WriteAndRead(writer);

        // Assert
        file.Tensors.Select(t => t.Offset).Should().Equal(0UL, 32UL, 64UL, 96UL);
        file.Tensors.Select(t => t.Type).Should().Equal(GgmlType.F32, GgmlType.F16, GgmlType.Q4_0, GgmlType.F32);
        file.Tensors[3].Dimensions.Should().Equal(2L, 3L);
        (file.DataOffset % 32).Should().Be(0);
        bytes.Should().HaveCount((int)file.DataOffset + 96 + 24);
        bytes.Should().HaveCount((int)writer.FileLength());
        var data = bytes.AsSpan((int)file.DataOffset);
        BitConverter.ToSingle(data[8..12]).Should().Be(1.5f);
        BitConverter.ToHalf(data[(32 + 8)..(32 + 10)]).Should().Be((Half)(-2f));
        data[(64 + 0)..(64 + 2)].ToArray().Should().Equal(0x00, 0x3C);
        data[(64 + 2)..(64 + 18)].ToArray().Should().OnlyContain(b => b == 0x00);
        data[12..32].ToArray().Should().OnlyContain(b => b == 0, "padding between tensors is zeros");
        BitConverter.ToSingle(data[(96 + 20)..(96 + 24)]).Should().Be(0.25f);
    }

    [Fact]
    public async Task Tensor_WrittenTwice_GivesTheSameBytes()
    {
        // Arrange
        var writer = new GgufWriter().AddTensor(new GgufTensor("w", GgmlType.F32, [64, 3], () => new SeededGaussian(9, 0.5f).Fill));

        // Act
        var (first, _) = await WriteAndRead(writer);
        var (second, _) = await WriteAndRead(writer);

        // Assert
        second.Should().Equal(first);
    }

    [Fact]
    public void Add_AlignmentOtherThanThirtyTwo_Throws()
    {
        // Act
        var act = () => new GgufWriter().Add("general.alignment", GgufValue.UInt32(64));

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("general.alignment must be u32 32*");
    }

    [Fact]
    public void AddTensor_Q4RowNotAMultipleOfThirtyTwo_Throws()
    {
        // Act
        var act = () => new GgufWriter().AddTensor(new GgufTensor("q", GgmlType.Q4_0, [48, 2], () => Constant(0)));

        // Assert
        act.Should().Throw<ArgumentException>().WithMessage("a Q4_0 row needs a multiple of 32 elements, not 48*");
    }

    [Fact]
    public void Read_NotAGgufFile_ThrowsInvalidData()
    {
        // Arrange
        using var stream = new MemoryStream("GGML\u0003\0\0\0"u8.ToArray());

        // Act
        var act = () => GgufReader.Read(stream);

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("not a GGUF file*");
    }

    [Fact]
    public void Read_TruncatedHeader_ThrowsInvalidData()
    {
        // Arrange
        using var stream = new MemoryStream("GGUF\u0003\0\0\0\0\0"u8.ToArray());

        // Act
        var act = () => GgufReader.Read(stream);

        // Assert
        act.Should().Throw<InvalidDataException>().WithMessage("GGUF file ends inside its header");
    }
}

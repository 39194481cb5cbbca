using SlmEnergyBench.Harness.Synthetic;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit.Synthetic;

public sealed class SyntheticModelCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureAsync_FirstCall_WritesTheFileAndItsHashUnderTheSpecName()
    {
        // Arrange
        using var cache = new TempDirectory();
        var spec = TinySpecs.Tiny();

        // Act
        var file = await SyntheticModelCache.EnsureAsync(spec, cache.Path, Ct);

        // Assert
        Path.GetFileName(file.Path).Should().MatchRegex("^synthetic-test-tiny-[0-9a-f]{12}\\.gguf$");
        file.Bytes.Should().Be(new FileInfo(file.Path).Length);
        file.Sha256.Should().Be(StandardSha256.OfFile(file.Path));
        file.Spec.Should().Be(spec);
        var stored = await File.ReadAllTextAsync(file.Path + ".sha256", Ct);
        stored.Should().Be($"{file.Sha256}  {Path.GetFileName(file.Path)}\n");
        cache.AllFiles().Should().HaveCount(2, "no temporary file is left behind");
    }

    [Fact]
    public async Task EnsureAsync_SecondCall_ReusesTheFileWithoutRewriting()
    {
        // Arrange
        using var cache = new TempDirectory();
        var first = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.Path, stamp);

        // Act
        var second = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);

        // Assert
        second.Should().Be(first);
        File.GetLastWriteTimeUtc(second.Path).Should().Be(stamp);
    }

    [Fact]
    public async Task EnsureAsync_ChangedSeed_WritesAnotherFileWithAnotherHash()
    {
        // Arrange
        using var cache = new TempDirectory();

        // Act
        var a = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(seed: 1), cache.Path, Ct);
        var b = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(seed: 2), cache.Path, Ct);

        // Assert
        b.Path.Should().NotBe(a.Path);
        b.Sha256.Should().NotBe(a.Sha256);
        b.Bytes.Should().Be(a.Bytes);
        cache.AllFiles().Should().HaveCount(4);
    }

    [Fact]
    public async Task EnsureAsync_SameSpecInTwoFolders_GivesIdenticalContent()
    {
        // Arrange
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var spec = TinySpecs.Tiny(GgmlType.Q4_0, seed: 5);

        // Act
        var a = await SyntheticModelCache.EnsureAsync(spec, one.Path, Ct);
        var b = await SyntheticModelCache.EnsureAsync(spec, two.Path, Ct);

        // Assert
        (await File.ReadAllBytesAsync(b.Path, Ct)).Should().Equal(await File.ReadAllBytesAsync(a.Path, Ct));
        b.Sha256.Should().Be(a.Sha256).And.Be(StandardSha256.OfFile(a.Path));
        Path.GetFileName(b.Path).Should().Be(Path.GetFileName(a.Path));
    }

    [Fact]
    public async Task EnsureAsync_CachedFileCorruptedWithTheSameLength_IsRewritten()
    {
        // Arrange
        using var cache = new TempDirectory();
        var first = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);
        var original = await File.ReadAllBytesAsync(first.Path, Ct);
        var corrupted = original.ToArray();
        corrupted[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(first.Path, corrupted, Ct);

        // Act
        var second = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);

        // Assert
        (await File.ReadAllBytesAsync(second.Path, Ct)).Should().Equal(original, "the corrupted byte is written again");
        second.Sha256.Should().Be(first.Sha256).And.Be(StandardSha256.Of(original));
    }

    [Fact]
    public async Task EnsureAsync_CachedFileTruncatedOrHashMissing_IsRewritten()
    {
        // Arrange
        using var cache = new TempDirectory();
        var first = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);
        await using (var stream = new FileStream(first.Path, FileMode.Open))
            stream.SetLength(first.Bytes / 2);
        var afterTruncation = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);
        File.Delete(first.Path + ".sha256");

        // Act
        var afterHashLoss = await SyntheticModelCache.EnsureAsync(TinySpecs.Tiny(), cache.Path, Ct);

        // Assert
        afterTruncation.Bytes.Should().Be(first.Bytes);
        new FileInfo(first.Path).Length.Should().Be(first.Bytes);
        afterHashLoss.Sha256.Should().Be(first.Sha256).And.Be(StandardSha256.OfFile(first.Path));
        File.Exists(first.Path + ".sha256").Should().BeTrue();
    }

    [Fact]
    public void FileName_SpecsDifferingInOneField_DifferAndStartWithTheName()
    {
        // Arrange
        var spec = TinySpecs.Tiny();

        // Act
        var names = new[]
        {
            spec, spec with { Seed = 2 }, spec with { TensorType = GgmlType.F16 }, spec with { VocabularySize = 601 },
            spec with { ContextLength = 512 }, spec with { HeadCountKv = 4 },
        }.Select(SyntheticModelCache.FileName).ToList();

        // Assert
        names.Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.StartsWith("synthetic-test-tiny-", StringComparison.Ordinal));
        SyntheticModelCache.FileName(TinySpecs.Tiny()).Should().Be(names[0]);
    }
}

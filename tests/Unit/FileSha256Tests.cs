using SlmEnergyBench.Harness;
using SlmEnergyBench.Unit.Support;

namespace SlmEnergyBench.Unit;

public sealed class FileSha256Tests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    // FIPS 180-2, appendix B.1 ("abc"), and the well-known hash of no bytes at all (sha256sum /dev/null).
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public async Task OfFileAsync_KnownContent_GivesThePublishedHash(string content, string expected)
    {
        // Arrange
        using var folder = new TempDirectory();
        var path = folder.File("known.bin");
        await File.WriteAllBytesAsync(path, System.Text.Encoding.ASCII.GetBytes(content), Ct);

        // Act
        var hash = await FileSha256.OfFileAsync(path, Ct);

        // Assert
        hash.Should().Be(expected);
    }

    [Fact]
    public async Task OfFileAsync_FileLargerThanItsReadBuffer_MatchesTheStandardLibraryOnTheWholeBytes()
    {
        // Arrange: 3 MiB + 7 bytes, more than the 1 MiB read buffer and not a multiple of it.
        using var folder = new TempDirectory();
        var path = folder.File("large.bin");
        var bytes = new byte[(3 << 20) + 7];
        new Random(9).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes, Ct);

        // Act
        var hash = await FileSha256.OfFileAsync(path, Ct);

        // Assert
        hash.Should().Be(StandardSha256.Of(bytes));
    }
}

using System.Security.Cryptography;
using System.Text;

namespace SlmEnergyBench.Harness.Synthetic;

/// <summary>
/// Writes each synthetic model once into a cache folder as <c>{name}-{spec hash}.gguf</c> (a changed spec, or a
/// changed generator, gets a new name) with its content SHA-256 beside it in <c>.gguf.sha256</c>
/// (<c>sha256sum</c> format). Files are written under a temporary name and moved into place, so a crash never
/// leaves a partial file under the final name. A cached file is reused when its length is the spec's exact length
/// and the hash file is there; files up to <see cref="RehashLimitBytes"/> are also re-hashed.
/// </summary>
public static class SyntheticModelCache
{
    /// <summary>Bump when the bytes written for a spec change, so stale cached files are never reused.</summary>
    public const int GeneratorVersion = 1;

    /// <summary>Cached files up to this size are re-hashed on reuse; larger ones are checked by length and hash file.</summary>
    public const long RehashLimitBytes = 256L << 20;

    public const string HashSuffix = ".sha256";

    /// <summary>The file name of <paramref name="spec"/> in a cache folder.</summary>
    public static string FileName(SyntheticModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var canonical = string.Join('|',
            GeneratorVersion, spec.Name, spec.EmbeddingLength, spec.BlockCount, spec.FeedForwardLength, spec.HeadCount,
            spec.HeadCountKv, spec.VocabularySize, spec.ContextLength, spec.TensorType, spec.Seed);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12];
        return $"{spec.Name}-{hash}.gguf";
    }

    /// <summary>The cached file of <paramref name="spec"/>, written first when missing or not intact.</summary>
    public static async Task<SyntheticModelFile> EnsureAsync(SyntheticModelSpec spec, string cacheDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        var writer = SyntheticModelBuilder.Build(spec);
        var expectedBytes = writer.FileLength();
        var path = Path.GetFullPath(Path.Combine(cacheDirectory, FileName(spec)));
        var hashPath = path + HashSuffix;

        var cached = await TryReuseAsync(path, hashPath, expectedBytes, ct).ConfigureAwait(false);
        if (cached is not null)
            return new SyntheticModelFile(path, cached, expectedBytes, spec);

        Directory.CreateDirectory(cacheDirectory);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var tempHash = temp + HashSuffix;
        try
        {
            await writer.WriteAsync(temp, ct).ConfigureAwait(false);
            var sha = await HashFileAsync(temp, ct).ConfigureAwait(false);
            await File.WriteAllTextAsync(tempHash, $"{sha}  {Path.GetFileName(path)}\n", ct).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            File.Move(tempHash, hashPath, overwrite: true);
            return new SyntheticModelFile(path, sha, new FileInfo(path).Length, spec);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(tempHash);
        }
    }

    /// <summary>The stored hash when the cached file is intact; null when it must be written.</summary>
    private static async Task<string?> TryReuseAsync(string path, string hashPath, long expectedBytes, CancellationToken ct)
    {
        if (!File.Exists(path) || !File.Exists(hashPath) || new FileInfo(path).Length != expectedBytes)
            return null;
        var stored = (await File.ReadAllTextAsync(hashPath, ct).ConfigureAwait(false)).Split(' ', 2)[0].Trim();
        if (stored.Length != 64 || !stored.All(char.IsAsciiHexDigitLower))
            return null;
        if (expectedBytes <= RehashLimitBytes && await HashFileAsync(path, ct).ConfigureAwait(false) != stored)
            return null;
        return stored;
    }

    /// <summary>The lower-case hex SHA-256 of a file's content.</summary>
    public static Task<string> HashFileAsync(string path, CancellationToken ct) => FileSha256.OfFileAsync(path, ct);
}

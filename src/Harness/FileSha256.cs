using System.Security.Cryptography;

namespace SlmEnergyBench.Harness;

/// <summary>The content hash recorded for files the results depend on (model files, datasets).</summary>
public static class FileSha256
{
    /// <summary>The lower-case hex SHA-256 of a file's content, read sequentially.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}

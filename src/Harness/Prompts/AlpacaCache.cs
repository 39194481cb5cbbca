using System.Security.Cryptography;
using System.Text;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>
/// The downloaded copy of a dataset URL: <c>&lt;hash of the URL&gt;-alpaca.json</c> in the cache folder, with its
/// SHA-256 in a <c>.sha256</c> file beside it. A file is only ever put in place complete (rename of a checked temporary file).
/// </summary>
internal sealed class AlpacaCache
{
    public AlpacaCache(string directory, string url)
    {
        Directory = directory;
        Url = url;
        var urlHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
        JsonPath = Path.Combine(directory, $"{urlHash}-alpaca.json");
    }

    public string Directory { get; }

    public string Url { get; }

    public string JsonPath { get; }

    public string HashPath => JsonPath + ".sha256";

    /// <summary>The cached bytes, null when nothing is cached; throws (after deleting it) when the copy is corrupt.</summary>
    public byte[]? TryRead()
    {
        if (!File.Exists(JsonPath))
            return null;
        var bytes = File.ReadAllBytes(JsonPath);
        var actual = DatasetHash.Compute(bytes);
        var recorded = File.Exists(HashPath) ? File.ReadAllText(HashPath).Trim() : null;
        if (recorded == actual)
            return bytes;

        Delete();
        throw new PromptLoadException(
            $"The cached copy of {Url} at {JsonPath} is corrupt: its SHA-256 is {actual} but {recorded ?? "no hash"} was recorded " +
            $"at download ({Path.GetFileName(HashPath)}). The cache has been deleted: run again to download it anew.");
    }

    /// <summary>Puts a complete, checked download in place.</summary>
    public void Commit(string temporaryFile, string sha256)
    {
        var temporaryHash = temporaryFile + ".sha256";
        File.WriteAllText(temporaryHash, sha256 + "\n");
        File.Move(temporaryHash, HashPath, overwrite: true);
        File.Move(temporaryFile, JsonPath, overwrite: true);
    }

    public string NewTemporaryFile()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Path.Combine(Directory, $".{Path.GetFileName(JsonPath)}.{Guid.NewGuid():N}.part");
    }

    private void Delete()
    {
        File.Delete(JsonPath);
        File.Delete(HashPath);
    }
}

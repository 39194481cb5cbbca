using System.Security.Cryptography;

namespace SlmEnergyBench.Unit.Support;

/// <summary>
/// Expected SHA-256 values for the tests: the standard library's <see cref="SHA256.HashData(byte[])"/> on the bytes
/// (lower-case hex), never the product's own hasher, so a broken hasher cannot agree with itself.
/// </summary>
internal static class StandardSha256
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>, read whole.</summary>
    public static string OfFile(string path) => Of(File.ReadAllBytes(path));
}

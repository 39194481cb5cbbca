using System.Security.Cryptography;

namespace SlmEnergyBench.Harness.Prompts;

/// <summary>SHA-256 of a dataset's bytes (lower-case hex) and the check against <c>Prompts:Sha256</c>.</summary>
internal static class DatasetHash
{
    public static string Compute(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Throws when a pin is configured and <paramref name="actual"/> differs from it.</summary>
    public static void CheckPin(string pin, string actual, string what)
    {
        if (pin.Length > 0 && !string.Equals(pin, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new PromptLoadException(
                $"{what} has SHA-256 {actual}, but Prompts:Sha256 requires {pin.ToLowerInvariant()}. The dataset changed: " +
                "check the source, or set Prompts:Sha256 to the new hash if the change is intended.");
        }
    }
}

namespace SlmEnergyBench.Harness.Configuration;

public sealed class PromptOptions
{
    /// <summary>The Alpaca JSON: an http(s) URL (downloaded once and cached) or a local file path (relative to the repository root).</summary>
    public string Source { get; set; } =
        "https://raw.githubusercontent.com/gururise/AlpacaDataCleaned/main/alpaca_data.json";

    /// <summary>Optional SHA-256 (hex) the dataset must have; empty accepts any and records the one seen.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where downloads are cached (relative to the repository root).</summary>
    public string CacheDirectory { get; set; } = ".cache/prompts";

    /// <summary>Only the first <c>Pool</c> items of the dataset are candidates (the study: 4096).</summary>
    public int Pool { get; set; } = 4096;

    /// <summary>Prompts per model.</summary>
    public int Count { get; set; } = 256;

    /// <summary><c>first</c> (the first Count of the pool, as the study) or <c>sample</c> (a seeded random sample of the pool).</summary>
    public string Selection { get; set; } = PromptSelections.First;

    /// <summary>Seed of the <c>sample</c> selection.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Append the item's <c>input</c> field to the instruction when present (the study dropped it).</summary>
    public bool IncludeInput { get; set; }
}

public static class PromptSelections
{
    public const string First = "first";
    public const string Sample = "sample";
    public static readonly string[] All = [First, Sample];
}

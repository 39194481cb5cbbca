namespace SlmEnergyBench.Unit.Support;

/// <summary>Files of the repository's <c>fixtures/</c> folder, copied beside the test assembly.</summary>
internal static class Fixtures
{
    /// <summary>Stands for the repository root: the folder that holds <c>fixtures/</c>.</summary>
    public static string Root => AppContext.BaseDirectory;

    public const string AlpacaSampleRelative = "fixtures/prompts/alpaca-sample.json";

    public static string AlpacaSamplePath => Path.Combine(Root, AlpacaSampleRelative);

    public static byte[] AlpacaSampleBytes => File.ReadAllBytes(AlpacaSamplePath);
}

namespace SlmEnergyBench.Unit.Configuration;

/// <summary>A throw-away folder with an <c>energybench.json</c>, deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository(string configJson)
    {
        Root = Directory.CreateTempSubdirectory("energybench-test-").FullName;
        File.WriteAllText(Path.Combine(Root, "energybench.json"), configJson);
    }

    public string Root { get; }

    /// <summary>A copy of the repository's real configuration file.</summary>
    public static TempRepository WithRealConfig() =>
        new(File.ReadAllText(Path.Combine(TestRepository.Root, "energybench.json")));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

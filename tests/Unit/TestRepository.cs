namespace SlmEnergyBench.Unit;

/// <summary>The repository checkout the tests run from (the folder holding Benchmarks.sln).</summary>
internal static class TestRepository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Benchmarks.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"Benchmarks.sln not found above {AppContext.BaseDirectory}");
    }
}

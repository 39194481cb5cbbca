namespace SlmEnergyBench.Harness.Configuration;

/// <summary>A validated configuration and how it was chosen.</summary>
/// <param name="Options">The profile's options with overrides applied.</param>
/// <param name="RepositoryRoot">Folder of <c>energybench.json</c>; relative paths resolve against it.</param>
/// <param name="ProfileChosenBy">Why this profile: the environment variable or the file's default.</param>
/// <param name="Overrides">Environment variables that overrode keys, as <c>NAME=value</c>.</param>
public sealed record LoadedConfiguration(
    BenchOptions Options,
    string RepositoryRoot,
    string ProfileChosenBy,
    IReadOnlyList<string> Overrides)
{
    public string Resolve(string path) => RepositoryPaths.Resolve(RepositoryRoot, path);
}

namespace SlmEnergyBench.Harness.Configuration;

/// <summary>Finds the repository root (the folder holding <c>energybench.json</c>) and resolves relative paths against it.</summary>
public static class RepositoryPaths
{
    public const string ConfigFileName = "energybench.json";

    /// <summary>Walks up from <paramref name="start"/> (default: the current directory, then the app's base directory).</summary>
    public static string FindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (origin is null)
                continue;
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, ConfigFileName)))
                    return dir.FullName;
            }
        }

        throw new ConfigurationException(
            $"{ConfigFileName} not found in {start ?? Directory.GetCurrentDirectory()} or any parent folder: run from inside the repository.");
    }

    /// <summary>An absolute path as is; a relative one against <paramref name="root"/>.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}

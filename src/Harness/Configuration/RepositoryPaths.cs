namespace SlmEnergyBench.Harness.Configuration;

/// <summary>Finds the repository root (the folder holding <c>energybench.json</c>) and resolves relative paths against it.</summary>
public static class RepositoryPaths
{
    public const string ConfigFileName = "energybench.json";

    /// <summary>Walks up from <paramref name="start"/> (default: the current directory, then the app's base directory).</summary>
    public static string FindRoot(string? start = null) =>
        FindRoot(start ?? Directory.GetCurrentDirectory(), [start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>Walks up from each of <paramref name="origins"/> in turn; <paramref name="shown"/> is the folder the message names.</summary>
    internal static string FindRoot(string shown, IEnumerable<string?> origins)
    {
        foreach (var origin in origins)
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
            $"{ConfigFileName} not found in {shown} or any parent folder: run from inside the repository (its root holds {ConfigFileName}), " +
            $"or restore the file with git checkout {ConfigFileName} if it was deleted.");
    }

    /// <summary>An absolute path as is; a relative one against <paramref name="root"/>.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}

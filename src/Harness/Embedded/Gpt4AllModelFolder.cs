using System.Runtime.InteropServices;
using SlmEnergyBench.Harness.Backends;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>GPT4All's model folder and its model names, so one file can be measured through GPT4All and directly.</summary>
public static class Gpt4AllModelFolder
{
    /// <summary>The folder GPT4All stores models in on this platform.</summary>
    public static string Default()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            return Path.Combine(home, "Library", "Application Support", "nomic.ai", "GPT4All");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "nomic.ai", "GPT4All");
        return Path.Combine(home, ".local", "share", "nomic.ai", "GPT4All");
    }

    /// <summary>
    /// The file for a GPT4All model name in <paramref name="folder"/>, named as GPT4All names models (exactly, see
    /// <see cref="Gpt4AllModelNames"/>): a display name's file in GPT4All's catalogue, or the name itself as a file
    /// name (with or without .gguf); null when none of them is there.
    /// </summary>
    public static string? Find(string folder, string name)
    {
        var candidates = new List<string>(Gpt4AllModelCatalog.ThisMachine.FilesOf(name)) { name };
        candidates.Add(name + ".gguf");
        return candidates.Select(c => Path.Combine(folder, c)).FirstOrDefault(File.Exists);
    }

}

using System.Runtime.InteropServices;

namespace SlmEnergyBench.Harness.Embedded;

/// <summary>GPT4All's model folder and its model names, so one file can be measured through GPT4All and directly.</summary>
public static class Gpt4AllModelFolder
{
    /// <summary>GPT4All display names and their files (GPT4All's model list).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Llama 3.2 1B Instruct"] = "Llama-3.2-1B-Instruct-Q4_0.gguf",
        ["Llama 3.2 3B Instruct"] = "Llama-3.2-3B-Instruct-Q4_0.gguf",
        ["Llama 3 8B Instruct"] = "Meta-Llama-3-8B-Instruct.Q4_0.gguf",
    };

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

    /// <summary>The file for a GPT4All model name in <paramref name="folder"/>: the known file name, or the name itself (with or without .gguf).</summary>
    public static string? Find(string folder, string name)
    {
        var candidates = new List<string>();
        if (KnownFiles.TryGetValue(name, out var known))
            candidates.Add(known);
        candidates.Add(name);
        candidates.Add(name + ".gguf");
        return candidates.Select(c => Path.Combine(folder, c)).FirstOrDefault(File.Exists);
    }

}

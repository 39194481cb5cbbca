using System.Runtime.InteropServices;
using System.Text.Json;

namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// Which file each GPT4All model is: GPT4All's model catalogue (<c>models3.json</c>), as file name -> display name.
/// GPT4All accepts a model by either name but its API lists and answers display names only (<c>GET /v1/models</c>
/// gives <c>id</c> = display name; <c>GET /v1/models/&lt;name&gt;</c> matches display names only), so the mapping
/// has to come from the catalogue GPT4All itself reads. A model file outside the catalogue (sideloaded) has its file
/// name as display name (GPT4All's <c>MySettings::modelName</c>), so it is listed, and matched, by file name.
/// </summary>
public sealed class Gpt4AllModelCatalog
{
    /// <summary>Where <see cref="BuiltIn"/> comes from.</summary>
    public const string BuiltInSource = "GPT4All's catalogue models3.json (nomic-ai/gpt4all, gpt4all-chat/metadata, commit cd70db29, February 2025)";

    /// <summary>
    /// The chat models of GPT4All's catalogue, file name -> display name. Entries GPT4All itself skips
    /// (<c>disableGUI</c>, <c>removedIn</c>) and embedding models (never served for completions) are left out.
    /// </summary>
    private static readonly (string File, string DisplayName)[] BuiltInEntries =
    [
        ("qwen2.5-coder-7b-instruct-q4_0.gguf", "Reasoner v1"),
        ("Meta-Llama-3-8B-Instruct.Q4_0.gguf", "Llama 3 8B Instruct"),
        ("DeepSeek-R1-Distill-Qwen-7B-Q4_0.gguf", "DeepSeek-R1-Distill-Qwen-7B"),
        ("DeepSeek-R1-Distill-Qwen-14B-Q4_0.gguf", "DeepSeek-R1-Distill-Qwen-14B"),
        ("DeepSeek-R1-Distill-Llama-8B-Q4_0.gguf", "DeepSeek-R1-Distill-Llama-8B"),
        ("DeepSeek-R1-Distill-Qwen-1.5B-Q4_0.gguf", "DeepSeek-R1-Distill-Qwen-1.5B"),
        ("Llama-3.2-3B-Instruct-Q4_0.gguf", "Llama 3.2 3B Instruct"),
        ("Llama-3.2-1B-Instruct-Q4_0.gguf", "Llama 3.2 1B Instruct"),
        ("Nous-Hermes-2-Mistral-7B-DPO.Q4_0.gguf", "Nous Hermes 2 Mistral DPO"),
        ("mistral-7b-instruct-v0.1.Q4_0.gguf", "Mistral Instruct"),
        ("Meta-Llama-3.1-8B-Instruct-128k-Q4_0.gguf", "Llama 3.1 8B Instruct 128k"),
        ("mistral-7b-openorca.gguf2.Q4_0.gguf", "Mistral OpenOrca"),
        ("gpt4all-falcon-newbpe-q4_0.gguf", "GPT4All Falcon"),
        ("orca-2-7b.Q4_0.gguf", "Orca 2 (Medium)"),
        ("orca-2-13b.Q4_0.gguf", "Orca 2 (Full)"),
        ("wizardlm-13b-v1.2.Q4_0.gguf", "Wizard v1.2"),
        ("ghost-7b-v0.9.1-Q4_0.gguf", "Ghost 7B v0.9.1"),
        ("nous-hermes-llama2-13b.Q4_0.gguf", "Hermes"),
        ("gpt4all-13b-snoozy-q4_0.gguf", "Snoozy"),
        ("mpt-7b-chat.gguf4.Q4_0.gguf", "MPT Chat"),
        ("Phi-3-mini-4k-instruct.Q4_0.gguf", "Phi-3 Mini Instruct"),
        ("orca-mini-3b-gguf2-q4_0.gguf", "Mini Orca (Small)"),
        ("em_german_mistral_v01.Q4_0.gguf", "EM German Mistral"),
        ("qwen2-1_5b-instruct-q4_0.gguf", "Qwen2-1.5B-Instruct"),
    ];

    /// <summary>The catalogue as GPT4All ships it (<see cref="BuiltInSource"/>).</summary>
    public static Gpt4AllModelCatalog BuiltIn { get; } = new(
        BuiltInEntries.ToDictionary(e => e.File, e => e.DisplayName, StringComparer.Ordinal), BuiltInSource);

    private static readonly Lazy<Gpt4AllModelCatalog> OnThisMachine = new(() => BuiltIn.With(CachedCatalogPath()));

    private readonly Dictionary<string, string> _displayNameByFile;

    private Gpt4AllModelCatalog(Dictionary<string, string> displayNameByFile, string source)
    {
        _displayNameByFile = displayNameByFile;
        Source = source;
    }

    /// <summary>
    /// <see cref="BuiltIn"/> with the newer catalogue GPT4All downloaded on this machine (<see cref="CachedCatalogPath"/>)
    /// laid over it, when there is one: the mapping the running GPT4All uses. Read once.
    /// </summary>
    public static Gpt4AllModelCatalog ThisMachine => OnThisMachine.Value;

    /// <summary>What the mapping was read from, for messages.</summary>
    public string Source { get; }

    /// <summary>The display name of the model stored in <paramref name="fileName"/>, compared exactly as GPT4All does; null when the file is not in the catalogue.</summary>
    public string? DisplayNameOf(string fileName) => _displayNameByFile.GetValueOrDefault(fileName);

    /// <summary>The files of the models called <paramref name="displayName"/> (exactly), in the catalogue's order.</summary>
    public IReadOnlyList<string> FilesOf(string displayName) =>
        [.. _displayNameByFile.Where(e => string.Equals(e.Value, displayName, StringComparison.Ordinal)).Select(e => e.Key)];

    /// <summary>Every catalogue file whose model is one of <paramref name="displayNames"/>.</summary>
    public IEnumerable<string> FilesOfAny(IReadOnlyCollection<string> displayNames) =>
        _displayNameByFile.Where(e => displayNames.Contains(e.Value)).Select(e => e.Key);

    /// <summary>
    /// The file GPT4All caches its downloaded catalogue in (Qt's cache location for organisation <c>nomic.ai</c>,
    /// application <c>GPT4All</c>; gpt4all-chat/src/modellist.cpp, <c>modelsJsonCacheFile</c>).
    /// </summary>
    public static string CachedCatalogPath()
    {
        const string name = "models3.json";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            return Path.Combine(home, "Library", "Caches", "nomic.ai", "GPT4All", name);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "nomic.ai", "GPT4All", "cache", name);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return Path.Combine(string.IsNullOrEmpty(cache) ? Path.Combine(home, ".cache") : cache, "nomic.ai", "GPT4All", name);
    }

    /// <summary>
    /// This catalogue with the entries of the <c>models3.json</c> at <paramref name="path"/> laid over it (same
    /// filters as <see cref="BuiltIn"/>). A missing file changes nothing; a file that cannot be read is named in
    /// <see cref="Source"/> with the reason, and changes nothing else.
    /// </summary>
    public Gpt4AllModelCatalog With(string path)
    {
        if (!File.Exists(path))
            return this;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return new(_displayNameByFile, $"{Source} (GPT4All's cached catalogue {path} is not a JSON array: not used)");
            var merged = new Dictionary<string, string>(_displayNameByFile, StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateArray().Where(IsServedChatModel))
                merged[entry.GetProperty("filename").GetString()!] = entry.GetProperty("name").GetString()!;
            return new(merged, $"{Source}, updated from GPT4All's cached catalogue {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new(_displayNameByFile, $"{Source} (GPT4All's cached catalogue {path} could not be read: {e.Message})");
        }
    }

    private static bool IsServedChatModel(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString()!.Length > 0
        && entry.TryGetProperty("filename", out var file) && file.ValueKind == JsonValueKind.String && file.GetString()!.Length > 0
        && !(entry.TryGetProperty("disableGUI", out var disabled) && disabled.ValueKind == JsonValueKind.String && disabled.GetString() == "true")
        && !(entry.TryGetProperty("removedIn", out var removed) && removed.ValueKind == JsonValueKind.String && removed.GetString()!.Length > 0)
        && !(entry.TryGetProperty("embeddingModel", out var embedding) && embedding.ValueKind == JsonValueKind.True);
}

namespace SlmEnergyBench.Harness.Backends.Ollama;

/// <summary>
/// Ollama's model names (docs/api.md, "Model names"): <c>model:tag</c>, the model optionally under a namespace
/// (<c>example/model</c>); a name without a tag means tag <c>latest</c>, so <c>llama3.2</c> is <c>llama3.2:latest</c>.
/// Ollama matches names without regard to letter case.
/// </summary>
public static class OllamaModelNames
{
    /// <summary>The tag a name without one has.</summary>
    public const string DefaultTag = "latest";

    /// <summary>Compares names as Ollama does: letter case ignored (apply <see cref="Canonical"/> first).</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary><paramref name="name"/> with its tag made explicit: <c>llama3.2</c> → <c>llama3.2:latest</c>; trimmed.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var lastPart = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return lastPart.Contains(':', StringComparison.Ordinal) ? trimmed : trimmed + ":" + DefaultTag;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same model (tags made explicit, case ignored).</summary>
    public static bool Same(string a, string b) => Comparer.Equals(Canonical(a), Canonical(b));

    /// <summary>The name among <paramref name="served"/> that is <paramref name="model"/>, or null.</summary>
    public static string? Find(string model, IEnumerable<string> served) => served.FirstOrDefault(s => Same(s, model));
}

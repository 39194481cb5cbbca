namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// GPT4All's rule for the <c>model</c> of a request (gpt4all-chat/src/server.cpp, <c>handleCompletionRequest</c>):
/// the first installed model whose display name or file name EQUALS the requested name, compared exactly as Qt's
/// <c>QString ==</c> does (letter case, spaces and all); any other name is not an error but silently gets the default
/// model. The response's <c>model</c> is always the display name of the model that ran.
/// </summary>
public static class Gpt4AllModelNames
{
    /// <summary>How names are compared: exactly, as GPT4All does.</summary>
    public static readonly StringComparer Comparer = StringComparer.Ordinal;

    /// <summary>The sentence every message about names uses.</summary>
    public const string Rule =
        "GPT4All takes a model by its display name (as GET /v1/models lists it) or by its file name, matched exactly, letter case and spaces included, " +
        "and silently answers any other name with its default model";

    /// <summary>
    /// The display name GPT4All will run <paramref name="requested"/> as: the name itself when GPT4All lists it, or the
    /// display name of the catalogue model stored in that file when GPT4All lists that; null when neither.
    /// </summary>
    /// <param name="requested">A configured model name.</param>
    /// <param name="listed">The display names of <c>GET /v1/models</c>.</param>
    /// <param name="catalog">File name -> display name.</param>
    public static string? Resolve(string requested, IReadOnlyCollection<string> listed, Gpt4AllModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(catalog);
        if (listed.Contains(requested, Comparer))
            return requested;
        return catalog.DisplayNameOf(requested) is { } display && listed.Contains(display, Comparer) ? display : null;
    }

    /// <summary>The name a response must carry for <paramref name="requested"/>: the display name of the file it names, or the name itself.</summary>
    public static string ExpectedServedName(string requested, Gpt4AllModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.DisplayNameOf(requested) ?? requested;
    }

    /// <summary>
    /// A listed display name (or the file of one) that <paramref name="requested"/> equals but for letter case or
    /// surrounding spaces: what the user most likely meant; null when none.
    /// </summary>
    public static string? NearMiss(string requested, IReadOnlyCollection<string> listed, Gpt4AllModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(catalog);
        var wanted = requested.Trim();
        return listed.Concat(catalog.FilesOfAny(listed)).FirstOrDefault(name => string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}

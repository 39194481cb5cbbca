namespace SlmEnergyBench.Harness.Backends;

/// <summary>
/// Judges the answer of <c>GET /v1/models</c> against the configured models, by GPT4All's own rule
/// (<see cref="Gpt4AllModelNames"/>): a display name it lists, or the file name of a model it lists.
/// </summary>
internal static class Gpt4AllProbe
{
    public static Availability Judge(string baseUrl, string url, string body, IReadOnlyList<string> models, Gpt4AllModelCatalog catalog)
    {
        var served = Gpt4AllJson.ModelIds(body);
        if (served is null)
            return Availability.No(Gpt4AllMessages.Malformed(url, "not an OpenAI-style model list ({\"data\":[{\"id\":...}]})", body));

        var available = served.Count == 0 ? "(none)" : string.Join(", ", served.Select(m => $"'{m}'"));
        var problems = new List<string>();
        var byFile = new List<string>();
        foreach (var model in models)
        {
            var display = Gpt4AllModelNames.Resolve(model, served, catalog);
            if (display is null)
                problems.Add(Gpt4AllMessages.NotServed(model, served, catalog));
            else if (!Gpt4AllModelNames.Comparer.Equals(display, model))
                byFile.Add($"'{model}' is the file of '{display}'");
        }

        if (problems.Count > 0)
            return Availability.No($"GPT4All at {baseUrl} does not serve {string.Join(" ", problems)} Available: {available}.");
        return Availability.Yes($"GPT4All at {baseUrl} serves: {available}" + (byFile.Count > 0 ? $" ({string.Join("; ", byFile)})" : ""));
    }
}

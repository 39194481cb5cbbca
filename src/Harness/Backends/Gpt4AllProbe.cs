namespace SlmEnergyBench.Harness.Backends;

/// <summary>Judges the answer of <c>GET /v1/models</c> against the configured models.</summary>
internal static class Gpt4AllProbe
{
    public static Availability Judge(string baseUrl, string url, string body, IReadOnlyList<string> models)
    {
        var served = Gpt4AllJson.ModelIds(body);
        if (served is null)
            return Availability.No(Gpt4AllMessages.Malformed(url, "not an OpenAI-style model list ({\"data\":[{\"id\":...}]})", body));

        var known = new HashSet<string>(served.Select(m => m.Trim()), StringComparer.OrdinalIgnoreCase);
        var missing = models.Where(m => !known.Contains(m.Trim())).ToList();
        var available = served.Count == 0 ? "(none)" : string.Join(", ", served.Select(m => $"'{m}'"));
        if (missing.Count > 0)
        {
            return Availability.No(
                $"GPT4All at {baseUrl} does not serve {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                $"(it would silently answer with its default model instead). Available: {available}. " +
                "Download the model in GPT4All or fix the name in Models.");
        }

        return Availability.Yes($"GPT4All at {baseUrl} serves: {available}");
    }
}
